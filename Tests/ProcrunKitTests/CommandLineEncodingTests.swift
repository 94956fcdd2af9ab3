import ProcrunKit
import Testing

@Suite("the command line's text")
struct CommandLineEncodingTests {
    @Test("an argument that is not UTF-8 is named with its bad bytes and control characters escaped")
    func invalid() {
        #expect(CommandLineEncoding.problem(in: [Array("run".utf8), Array("who=é".utf8)]) == nil)
        let problem = CommandLineEncoding.problem(in: [Array("ok".utf8), [0x61, 0x1B, 0xE2, 0x82, 0x3D, 0xFF]])
        #expect(problem?.message == "expected UTF-8 in argument 'a\\x1B\\xE2\\x82=\\xFF', found byte 0xE2")
    }

    @Test("NAME=VALUE is cut at the first '=' even when a combining mark follows it")
    func assignment() {
        #expect("who=\u{301}x=y".assignment! == ("who", "\u{301}x=y"))
        #expect("who=".assignment! == ("who", ""))
        #expect("who".assignment == nil)
    }
}
