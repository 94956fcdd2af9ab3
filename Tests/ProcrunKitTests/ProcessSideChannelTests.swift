import ProcrunKit
import Testing

/// ``ProcessSpec/onSideOutput``: a child's descriptor 3, read apart from its output.
@Suite("process side channel")
struct ProcessSideChannelTests {
    /// What arrives on the side channel, gathered from the thread that waits for the child.
    final class Gathered: @unchecked Sendable {
        var chunks: [String] = []
    }

    @Test("what the child writes to descriptor 3 is handed on as it comes, apart from its output")
    func apart() throws {
        let gathered = Gathered()
        var spec = ProcessSpec(arguments: ["sh", "-c", "echo one >&3; echo out; echo two >&3; echo err >&2"], timeout: .seconds(30))
        spec.onSideOutput = { gathered.chunks.append(String(decoding: $0, as: UTF8.self)) }
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0)
        #expect(result.stdout.text == "out\n")
        #expect(result.stderr.text == "err\n")
        #expect(gathered.chunks.joined() == "one\ntwo\n")
    }

    @Test("with standard input fed, descriptor 3 is still the side channel")
    func withInput() throws {
        let gathered = Gathered()
        var spec = ProcessSpec(arguments: ["sh", "-c", "cat >&3; echo done"], standardInput: Array("fed\n".utf8), timeout: .seconds(30))
        spec.onSideOutput = { gathered.chunks.append(String(decoding: $0, as: UTF8.self)) }
        let result = try ProcessRunner.run(spec)
        #expect(result.stdout.text == "done\n")
        #expect(gathered.chunks.joined() == "fed\n")
    }
}
