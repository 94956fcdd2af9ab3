@testable import ProcrunSystem
import Testing

@testable import ProcrunKit

@Suite("builtin echo")
struct BuiltinEchoTests {
    @Test("plain words are joined by spaces and end with a newline")
    func plain() {
        #expect(BuiltinEcho.output(for: ["echo", "step 7 of", "bench"]) == "step 7 of bench\n")
        #expect(BuiltinEcho.output(for: ["echo"]) == "\n")
    }

    @Test("options, backslashes and other programs are left to the real program")
    func declines() {
        #expect(BuiltinEcho.output(for: ["echo", "-n", "x"]) == nil)
        #expect(BuiltinEcho.output(for: ["echo", #"a\nb"#]) == nil)
        #expect(BuiltinEcho.output(for: ["printf", "x"]) == nil)
        #expect(BuiltinEcho.output(for: ["/bin/echo", "x"]) == nil)
    }
}
