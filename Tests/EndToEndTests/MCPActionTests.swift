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
        try ProcrunBinary.expect(["run", "replay.yaml", "--json", "--no-learn"], in: folder.path, environment: [("TINY_SERVER_LOG", log)], status: 1, stdout: """
            {"procedure":"replay","file":"replay.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"say","action":"mcp","status":"success","outcome":"hello","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,\
            "id":"sum","action":"mcp","status":"success","outcome":"5.5","duration_ms":<ms>,"error":null,"attempts":1},{"step":3,\
            "id":null,"action":"mcp","status":"failed","outcome":"something went wrong","duration_ms":<ms>,\
            "error":"tool 'oops' on MCP server 'tiny' reported an error: something went wrong","attempts":1},{"step":4,"id":null,\
            "action":"mcp","status":"failed","outcome":"","duration_ms":<ms>,\
            "error":"MCP server 'tiny' refused tools/call: unknown tool: nope","attempts":1},{"step":5,"id":null,"action":"mcp",\
            "status":"success","outcome":"still here","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
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
        try ProcrunBinary.expect(["run", "crash.yaml", "--json", "--no-learn"], in: folder.path, status: 1, stdout: """
            {"procedure":"crash","file":"crash.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"mcp","status":"failed","outcome":"","duration_ms":<ms>,\
            "error":"MCP server 'tiny' exited (exit status 4)","attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        let started = ContinuousClock.now
        try ProcrunBinary.expect(["run", "hangs.yaml", "--json", "--no-learn"], in: folder.path, status: 1, stdout: """
            {"procedure":"hangs","file":"hangs.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"mcp","status":"failed","outcome":"","duration_ms":<ms>,\
            "error":"MCP server 'tiny' did not answer within 1s","attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(ContinuousClock.now - started < .seconds(10))
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
        try ProcrunBinary.expect(["check", "bad.yaml"], in: folder.path, status: 2, stderr: """
            bad.yaml:4:26: error: unknown MCP server 'tinny'; did you mean 'tiny'?
                parameters: {server: tinny, tool: echo}
                                     ^
            bad.yaml:6:18: error: action 'mcp' needs parameter 'server': procrun.yaml configures 2 MCP servers (other, tiny)
                parameters: {tool: echo}
                             ^
            bad.yaml:8:55: error: expected a mapping for parameter 'arguments', found a list
                parameters: {server: tiny, tool: echo, arguments: [1, 2]}
                                                                  ^
            3 problems found in 1 file

            """)
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
        try ProcrunBinary.expect(["run", "session.yaml", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"session","file":"session.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"mcp","status":"success",\
            "outcome":"{\\"procedures\\":[{\\"description\\":\\"greets someone by name\\",\\"file\\":\\"<tmp>/greet.yaml\\",\
            \\"matched\\":[\\"greet\\"],\\"name\\":\\"greet\\",\\"runs\\":0,\\"score\\":0.510403676930579,\\"success_rate\\":null,\\"tags\\":[\\"hello\\",\
            \\"welcome\\"]}]}","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":null,"action":"mcp","status":"success",\
            "outcome":"{\\"procedure\\":\\"greet\\",\\"file\\":\\"<tmp>/greet.yaml\\",\\"success\\":true,\\"duration_ms\\":<ms>,\
            \\"learned\\":true,\\"steps\\":[{\\"step\\":1,\\"id\\":\\"say\\",\\"action\\":\\"shell\\",\\"status\\":\\"success\\",\
            \\"outcome\\":\\"hello, Dee\\",\\"duration_ms\\":<ms>,\\"exit_code\\":0,\\"error\\":null,\\"attempts\\":1}],\
            \\"outputs\\":{\\"greeting\\":\\"hello, Dee\\"}}","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields, .temporaryFolders])
        WholeText.expect(try served.statsBlock("greet.yaml"), equals: """
            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                say: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
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
        try ProcrunBinary.expect(["record", "say_hello", "--description", "Say hello through the tiny server", "--from", "session.jsonl"], in: folder.path, stdout: """
            read 2 actions from session.jsonl
            saved say_hello.yaml: 1 step, 1 failed step left out

            """)
        let text = try folder.read("say_hello.yaml")
        WholeText.expect(text, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: say_hello
            description: Say hello through the tiny server
            version: 1

            steps:
              - id: mcp
                action: mcp
                parameters:
                  server: tiny
                  tool: echo
                  arguments:
                    text: hello

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "say_hello.yaml", normalizing: [.durationFields, .timestamps])
        try ProcrunBinary.expect(["say_hello.yaml", "--json"], in: folder.path, stdout: """
            {"procedure":"say_hello","file":"say_hello.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"mcp","action":"mcp","status":"success","outcome":"hello","duration_ms":<ms>,"error":null,"attempts":1}],\
            "outputs":{}}

            """, normalizing: [.durationFields])
    }
}
