import ProcrunKit
import Testing

/// `procrun mcp` driven by the official Python MCP client (Fixtures/mcp/client.py).
@Suite("the MCP server", .serialized)
struct MCPServerTests {
    /// Makes sure Python's `mcp` package is importable, installing it from PyPI when it is not.
    static func ensurePythonClient() throws -> Bool {
        let probe = try ProcessRunner.run(ProcessSpec(arguments: ["python3", "-c", "import mcp"], timeout: .seconds(60)))
        if probe.exitCode == 0 { return true }
        let install = try ProcessRunner.run(
            ProcessSpec(arguments: ["python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "mcp"], timeout: .seconds(300)))
        return install.exitCode == 0
    }

    @Test("a real MCP client lists the tools, calls each, and the library changes as it should")
    func pythonClient() throws {
        #expect(try Self.ensurePythonClient(), "python3 -m pip install mcp failed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["greet.yaml", "broken_step.yaml"] { _ = try folder.copy(AgentFixture.mcp + "/library/" + name) }
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/client.py", ProcrunBinary.path, folder.path], timeout: .seconds(120))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        let out = try #require(AgentFixture.object(result.stdout.text), "client printed:\n\(result.stdout.text)")
        #expect(out["tools"] == .list(["find_procedures", "show_procedure", "run_procedure", "record_procedure", "procedure_stats"].map(Value.string)))
        guard case .mapping(let schemas)? = out["schemas"], case .mapping(let calls)? = out["calls"] else {
            Issue.record("no schemas or calls in \(out)")
            return
        }
        for (name, schema) in schemas {
            guard case .mapping(let fields) = schema else { Issue.record("\(name): schema is not an object"); continue }
            #expect(fields["type"] == .string("object"), "\(name)")
        }
        func call(_ label: String) -> (isError: Bool, text: String) {
            guard case .mapping(let fields)? = calls[label], case .boolean(let isError)? = fields["is_error"], case .string(let text)? = fields["text"] else {
                return (true, "missing call \(label)")
            }
            return (isError, text)
        }
        #expect(call("find").isError == false)
        #expect(call("find").text.contains(#""name":"greet""#))
        #expect(call("show").text.contains(#""name":"who","required":true"#))
        let run = AgentFixture.object(call("run").text)
        #expect(call("run").isError == false)
        #expect(run?["success"] == .boolean(true))
        #expect(run?["outputs"] == .mapping(["greeting": .string("hello, Ada")]))
        #expect(call("run_failing").isError)
        #expect(AgentFixture.object(call("run_failing").text)?["success"] == .boolean(false))
        #expect(call("run_missing").isError)
        #expect(call("run_missing").text.contains("no procedure named 'no_such_procedure'"))
        #expect(call("run_bad_input").isError)
        #expect(call("run_bad_input").text.contains("expected an integer for input 'times'"))
        #expect(call("record").isError == false)
        #expect(call("record_again").isError)
        #expect(call("record_again").text.contains("already exists"))
        #expect(call("record_invalid").isError)
        #expect(call("record_invalid").text.contains("unknown action 'shelll'; did you mean 'shell'?"))
        #expect(call("record_invalid").text.contains("bad_draft.yaml:3:13: error"))
        #expect(AgentFixture.object(call("run_recorded").text)?["success"] == .boolean(true))
        #expect(call("run_recorded").text.contains(#""outcome":"yo""#))
        #expect(call("stats").text.contains(#""execution_count":1"#))
        #expect(call("stats_all").text.contains("broken_step"))
        #expect(call("unknown_tool").isError)
        #expect(call("missing_argument") == (true, "missing required argument 'name'"))

        // The files written: the recorded procedure (with the stats of its run), learning in greet.
        let recorded = try folder.read("say_twice.yaml")
        #expect(recorded.hasPrefix("name: say_twice\ndescription: \"says a word twice\"\n"))
        #expect(recorded.contains("execution_count: 1"))
        #expect(!folder.exists("bad_draft.yaml"))
        #expect(!folder.exists(".bad_draft.recording.yaml"))
        #expect(try folder.read("greet.yaml").contains("execution_count: 1"))
        #expect(try ProcrunBinary.run(["check", "say_twice.yaml"], in: folder.path).status == 0)
    }

    @Test("a 10 MB message is answered within a second, one over 16 MiB refused, a 1 MB value passes through")
    func largeMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/large_messages.py", ProcrunBinary.path, folder.path], timeout: .seconds(120))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        let out = try #require(AgentFixture.object(result.stdout.text), "client printed:\n\(result.stdout.text)")
        func exchange(_ label: String) -> (seconds: Double, answer: [String: Value]) {
            guard case .mapping(let fields)? = out[label], case .mapping(let answer)? = fields["answer"] else { return (.infinity, [:]) }
            switch fields["seconds"] {
            case .number(let seconds)?: return (seconds, answer)
            case .integer(let seconds)?: return (Double(seconds), answer)
            default: return (.infinity, answer)
            }
        }
        #expect(exchange("ping_10mb").seconds < 1)
        #expect(exchange("ping_10mb").answer == ["jsonrpc": "2.0", "id": 1, "result": .mapping([:])])
        #expect(exchange("ping_17mb").seconds < 1)
        let refusal = "message too large: expected at most 16777216 bytes (16 MiB), found 17000079"
        #expect(exchange("ping_17mb").answer == ["jsonrpc": "2.0", "id": .null, "error": .mapping(["code": -32600, "message": .string(refusal)])])
        #expect(out["ping_after"] == .mapping(["jsonrpc": "2.0", "id": 3, "result": .mapping([:])]))
        #expect(out["description_kept"] == .boolean(true))
    }

    @Test("mcp steps call tools on a server built on the official Python SDK")
    func pythonServer() throws {
        #expect(try Self.ensurePythonClient(), "python3 -m pip install mcp failed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "mcp_servers:\n  py: {command: [python3, \(AgentFixture.mcp)/python_server.py], timeout: 30s}\n")
        try folder.write("calls.yaml", """
            name: calls
            steps:
              - action: mcp
                parameters: {tool: add, arguments: {a: 2, b: 40}}
              - action: mcp
                parameters: {tool: shout, arguments: {text: hi}}
              - action: mcp
                parameters: {tool: add, arguments: {a: x}}
                on_failure: continue
            """)
        let output = try ProcrunBinary.run(["run", "calls.yaml", "--json", "--no-learn"], in: folder.path)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.map { $0["status"] } == ["success", "success", "failed"].map { .string($0) }, "stdout: \(output.stdout)\nstderr: \(output.stderr)")
        #expect(steps.prefix(2).map { $0["outcome"] } == [.string("42"), .string("HI")])
    }

    @Test("run_procedure bounds a step without a timeout by procrun mcp --timeout")
    func defaultStepTimeout() throws {
        #expect(try Self.ensurePythonClient(), "python3 -m pip install mcp failed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/stuck.yaml")
        let client = [AgentFixture.mcp + "/run_client.py", ProcrunBinary.path, folder.path, "stuck", "--timeout", "1s"]
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["python3"] + client, timeout: .seconds(120)))
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        let call = AgentFixture.object(result.stdout.text)
        guard case .string(let text)? = call?["text"] else {
            Issue.record("no result in \(result.stdout.text)")
            return
        }
        #expect(call?["is_error"] == .boolean(true))
        let steps = AgentFixture.steps(AgentFixture.object(text))
        #expect(steps.map { $0["status"] } == [.string("success"), .string("failed")], "report: \(text)")
        #expect(steps.last?["error"] == .string("timed out after 1s"))
    }

    @Test("procrun mcp on a folder that is not there exits 2 with a clear error")
    func badLibrary() throws {
        let output = try ProcrunBinary.run(["mcp", "--library", "/no/such/folder"], input: "")
        #expect(output.status == 2)
        #expect(output.stderr.contains("--library '/no/such/folder' is not a folder"))
    }
}
