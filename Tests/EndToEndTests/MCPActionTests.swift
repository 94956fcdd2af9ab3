import ProcrunKit
import Testing

/// `action: mcp` steps call tools on servers configured in procrun.yaml.
@Suite("mcp steps", .serialized)
struct MCPActionTests {
    func library(_ servers: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "mcp_servers:\n" + servers)
        return folder
    }

    static let tiny = "  tiny:\n    command: [python3, \(AgentFixture.mcp)/tiny_server.py]\n    timeout: 10s\n"

    @Test("tool calls replay against one server process: outcomes, typed arguments, tool errors, refusals")
    func replay() throws {
        let folder = try library(Self.tiny)
        defer { folder.remove() }
        try folder.write("replay.yaml", """
            name: replay
            inputs:
              word: {type: string, default: hello}
            outputs:
              sum: "{{ steps.sum.outcome }}"
            steps:
              - id: say
                action: mcp
                parameters: {server: tiny, tool: echo, arguments: {text: "{{ inputs.word }}"}}
                expect: {contains: hello}
              - id: sum
                action: mcp
                parameters: {tool: add, arguments: {a: 2, b: 3.5}}
              - action: mcp
                parameters: {tool: oops}
                on_failure: continue
              - action: mcp
                parameters: {tool: nope}
                on_failure: continue
              - action: mcp
                parameters: {tool: echo, arguments: {text: still here}}
            """)
        let log = folder.path + "/calls.log"
        let output = try ProcrunBinary.run(["run", "replay.yaml", "--json", "--no-learn"], in: folder.path, environment: [("TINY_SERVER_LOG", log)])
        #expect(output.status == 1, "stderr: \(output.stderr)")
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.map { $0["status"] } == ["success", "success", "failed", "failed", "success"].map { .string($0) })
        #expect(steps.map { $0["outcome"] } == ["hello", "5.5", "something went wrong", "", "still here"].map { .string($0) })
        #expect(steps[2]["error"] == .string("tool 'oops' on MCP server 'tiny' reported an error: something went wrong"))
        #expect(steps[3]["error"] == .string("MCP server 'tiny' refused tools/call: unknown tool: nope"))
        let calls = try folder.read("calls.log").split(separator: "\n")
        #expect(calls.count == 5)
        #expect(Set(calls.map { $0.split(separator: " ").first }).count == 1, "one server process for the run")
        #expect(calls[1].hasSuffix(#"add {"a": 2, "b": 3.5}"#))
    }

    @Test("a server that crashes or hangs fails the step with a clear error, and the run ends")
    func crashAndHang() throws {
        let folder = try library(Self.tiny)
        defer { folder.remove() }
        try folder.write("crash.yaml", "name: crash\nsteps:\n  - action: mcp\n    parameters: {tool: crash}\n")
        try folder.write("hangs.yaml", "name: hangs\nsteps:\n  - action: mcp\n    parameters: {tool: hang}\n    timeout: 1s\n")
        let crashed = try ProcrunBinary.run(["run", "crash.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(crashed.status == 1)
        #expect(AgentFixture.steps(AgentFixture.object(crashed.stdout)).first?["error"] == .string("MCP server 'tiny' exited (exit status 4)"))
        let started = ContinuousClock.now
        let hung = try ProcrunBinary.run(["run", "hangs.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(AgentFixture.steps(AgentFixture.object(hung.stdout)).first?["error"] == .string("MCP server 'tiny' did not answer within 1s"))
    }

    @Test("mistakes in mcp steps are found before anything runs")
    func checks() throws {
        let folder = try library(Self.tiny + "  other:\n    command: [python3, \(AgentFixture.mcp)/tiny_server.py]\n")
        defer { folder.remove() }
        try folder.write("bad.yaml", """
            name: bad
            steps:
              - action: mcp
                parameters: {server: tinny, tool: echo}
              - action: mcp
                parameters: {tool: echo}
              - action: mcp
                parameters: {server: tiny, tool: echo, arguments: [1, 2]}
            """)
        let output = try ProcrunBinary.run(["check", "bad.yaml"], in: folder.path)
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown MCP server 'tinny'; did you mean 'tiny'?"))
        #expect(output.stderr.contains("action 'mcp' needs parameter 'server': procrun.yaml configures 2 MCP servers (other, tiny)"))
        #expect(output.stderr.contains("expected a mapping for parameter 'arguments', found a list"))
    }

    @Test("procrun mcp is itself a server a procedure can call: a session replayed")
    func procrunAsServer() throws {
        let served = try TemporaryFolder()
        defer { served.remove() }
        _ = try served.copy(AgentFixture.mcp + "/library/greet.yaml")
        let folder = try library("  procrun:\n    command: [\(ProcrunBinary.path), mcp, --library, \(served.path)]\n    timeout: 30s\n")
        defer { folder.remove() }
        try folder.write("session.yaml", """
            name: session
            steps:
              - action: mcp
                parameters: {tool: find_procedures, arguments: {task: greet}}
                expect: {contains: greet}
              - action: mcp
                parameters: {tool: run_procedure, arguments: {name: greet, inputs: {who: Dee}}}
                expect: {contains: "hello, Dee"}
            """)
        let output = try ProcrunBinary.run(["run", "session.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 0, "stdout: \(output.stdout)\nstderr: \(output.stderr)")
        #expect(try served.read("greet.yaml").contains("execution_count: 1"))
    }

    @Test("an agent's MCP session log becomes a procedure with record --from, and replays")
    func recordSession() throws {
        let folder = try library(Self.tiny)
        defer { folder.remove() }
        try folder.write(
            "session.jsonl",
            #"""
            {"server": "tiny", "method": "tools/call", "params": {"name": "echo", "arguments": {"text": "hello"}}, "result": {"content": [{"type": "text", "text": "hello"}], "isError": false}, "duration_ms": 3}
            {"server": "tiny", "method": "tools/call", "params": {"name": "oops", "arguments": {}}, "result": {"content": [{"type": "text", "text": "something went wrong"}], "isError": true}}
            """#)
        let recorded = try ProcrunBinary.run(["record", "say_hello", "--description", "Say hello through the tiny server", "--from", "session.jsonl"], in: folder.path)
        #expect(recorded.status == 0, "stderr was:\n\(recorded.stderr)")
        let text = try folder.read("say_hello.yaml")
        #expect(text.contains("  - id: mcp\n    action: mcp\n    parameters:\n      server: tiny\n      tool: echo\n      arguments:\n        text: hello\n"), "\(text)")
        #expect(!text.contains("oops"), "the failed call is left out")
        let replayed = try ProcrunBinary.run(["say_hello.yaml", "--json"], in: folder.path)
        #expect(replayed.status == 0, "stdout was:\n\(replayed.stdout)\nstderr was:\n\(replayed.stderr)")
    }
}
