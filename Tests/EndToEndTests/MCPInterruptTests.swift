import Glibc
import ProcrunKit
import Testing

/// SIGINT, SIGTERM and SIGHUP to `procrun mcp` end its running calls as they end `procrun run`
/// (grammar.md, MCP): the step's process is ended, finally steps run, the call is answered.
@Suite("the MCP server interrupted", .serialized)
struct MCPInterruptTests {
    /// Starts `procrun mcp` on a pipe kept open, calls `run_procedure` on `long_step`, sends the
    /// signal once the step wrote its pid, and exits with the server's status.
    static let script = """
        mkfifo requests
        "$0" mcp --library . < requests > replies 2> errors & server=$!
        exec 3> requests
        cat session.jsonl >&3
        while [ ! -e step.pid ] && kill -0 $server 2>/dev/null; do sleep 0.05; done
        kill -$1 $server
        wait $server
        status=$?
        exec 3>&-
        exit $status
        """

    @Test(
        "a run_procedure call running when the server gets SIGINT, SIGTERM or SIGHUP: step ended, finally run, call answered, exit as procrun run's",
        arguments: [("INT", Int32(130)), ("TERM", Int32(130)), ("HUP", Int32(129))])
    func interruptedRun(signal: String, status: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        _ = try folder.copy(AgentFixture.mcp + "/long_step.yaml")
        let procedure = try folder.read("long_step.yaml")
        let call = #"{"jsonrpc":"2.0","id":1.50,"method":"tools/call","params":{"name":"run_procedure","arguments":{"name":"long_step"}}}"#
        try folder.write("session.jsonl", (AgentFixture.mcpHandshake + [call]).map { $0 + "\n" }.joined())
        var spec = ProcessSpec(arguments: ["/bin/sh", "-c", Self.script, ProcrunBinary.path, signal])
        spec.workingDirectory = folder.path
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)

        let errors = try folder.read("errors")
        #expect(result.exitCode == status, "server stderr: \(errors)")
        let pid = try #require(Int32(try folder.read("step.pid").filter(\.isNumber)))
        var waited = 0
        while ProcessProbe.isRunning(pid) && waited < 300 {
            usleep(100_000)
            waited += 1
        }
        #expect(!ProcessProbe.isRunning(pid), "the step's process \(pid) outlived the server")
        #expect(try folder.read("finally.txt") == "interrupted\n")
        // As after `procrun run` is interrupted, the stats block is not updated.
        #expect(try folder.read("long_step.yaml") == procedure)
        #expect(errors == "")

        let replies = try folder.read("replies").split(separator: "\n").map(String.init)
        #expect(replies.count == 2, "\(replies)")
        let answer = try #require(replies.last)
        #expect(answer.hasPrefix(#"{"id":1.50,"jsonrpc":"2.0","result":{"content":[{"text":"#), "\(answer)")
        let content = try JSONParser.parse(answer)["result"]
        #expect(content?["isError"] == .boolean(true))
        guard case .array(let items)? = content?["content"], case .string(let text)? = items.first?["text"] else {
            Issue.record("no text in \(answer)")
            return
        }
        let report = AgentFixture.object(text)
        #expect(report?["interrupted"] == .boolean(true))
        #expect(AgentFixture.steps(report).map { $0["status"] } == [.string("failed"), .string("success")], "report: \(text)")
        #expect(AgentFixture.steps(report).first?["error"] == .string("interrupted"))
    }
}
