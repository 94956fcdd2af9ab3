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
        #expect(out["tools"] == .list(["find_procedures", "show_procedure", "run_procedure", "record_procedure", "procedure_stats", "procedure_history", "library_report"].map(Value.string)))
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
        // What each call answered, whole; the files it changed are below.
        let unstable: [OutputNormalization] = [.durationFields, .temporaryFolders, .timestamps, .runIDs]
        WholeText.expect(call("find").text, equals: """
            {"procedures":[{"description":"greets someone by name","file":"<tmp>/greet.yaml","matched":["greet","someone","name"],\
            "name":"greet","runs":0,"score":2.2140726259084405,"success_rate":null,"tags":["hello","welcome"]}]}
            """, "find", normalizing: unstable)
        WholeText.expect(call("show").text, equals: JSONInterfaceTests.shownGreet(file: "<tmp>/greet.yaml"), "show", normalizing: [.temporaryFolders])
        WholeText.expect(call("run").text, equals: """
            {"procedure":"greet","file":"<tmp>/greet.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"say","action":"shell","status":"success","outcome":"hello, Ada","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1}],"outputs":{"greeting":"hello, Ada"}}
            """, "run", normalizing: unstable)
        WholeText.expect(call("run_failing").text, equals: """
            {"procedure":"broken_step","file":"<tmp>/broken_step.yaml","success":false,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":null,"action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":3,\
            "error":"expected exit code 0, got 3","attempts":1}],"outputs":{}}
            """, "run_failing", normalizing: unstable)
        WholeText.expect(call("run_missing").text, equals: """
            {"procedure":null,"file":"no_such_procedure","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"no procedure named 'no_such_procedure' in the library folder '<tmp>'","diagnostics":[{"file":null,"line":null,\
            "column":null,"severity":"error","id":"procedure-reference","message":"no procedure named 'no_such_procedure' in the \
            library folder '<tmp>'","notes":[]}],"steps":[],"outputs":{}}
            """, "run_missing", normalizing: unstable)
        WholeText.expect(call("run_bad_input").text, equals: #"""
            {"procedure":"greet","file":"<tmp>/greet.yaml","success":false,"duration_ms":<ms>,"learned":false,\#
            "error":"input 'times' must be an integer, found \"many\" (<tmp>/greet.yaml:6:3: input 'times' is declared here)",\#
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-input",\#
            "message":"input 'times' must be an integer, found \"many\"","notes":[{"file":"<tmp>/greet.yaml","line":6,"column":3,\#
            "message":"input 'times' is declared here"}]},{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-input",\#
            "message":"input 'who' is required: a string","notes":[{"file":"<tmp>/greet.yaml","line":5,"column":3,\#
            "message":"input 'who' is declared here"}]}],"steps":[],"outputs":{}}
            """#, "run_bad_input", normalizing: unstable)
        WholeText.expect(call("record").text, equals: "{\"file\":\"<tmp>/say_twice.yaml\",\"name\":\"say_twice\"}", "record", normalizing: unstable)
        WholeText.expect(call("record_again").text, equals: "error: a procedure named 'say_twice' already exists (<tmp>/say_twice.yaml); choose another name", "record_again", normalizing: unstable)
        WholeText.expect(call("record_invalid").text, equals: """
            error: the recorded procedure does not check:
            <tmp>/bad_draft.yaml:9:13: error: unknown action 'shelll'; did you mean 'shell'?
                action: shelll
                        ^
            """, "record_invalid", normalizing: unstable)
        WholeText.expect(call("run_recorded").text, equals: """
            {"procedure":"say_twice","file":"<tmp>/say_twice.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"echo","action":"shell","status":"success","outcome":"yo","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"echo_2","action":"shell","status":"success","outcome":"yo again",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}
            """, "run_recorded", normalizing: unstable)
        WholeText.expect(call("stats").text, equals: """
            {"procedures":[{"file":"<tmp>/greet.yaml","name":"greet","execution_count":1,"successes":1,"failures":0,\
            "success_rate":1.000,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"last_executed":"<time>","steps":[{"key":"say",\
            "runs":1,"successes":1,"failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"timeouts":0,\
            "last_error":null,"failing":false,"slow":false,"orphan":false}]}]}
            """, "stats", normalizing: unstable)
        WholeText.expect(call("stats_all").text, equals: """
            {"procedures":[{"file":"<tmp>/broken_step.yaml","name":"broken_step","execution_count":1,"successes":0,"failures":1,\
            "success_rate":0.000,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"last_executed":"<time>",\
            "steps":[{"key":"shell#c30adbaa","runs":1,"successes":0,"failures":1,"skips":0,"total_duration_ms":<ms>,\
            "avg_duration_ms":<ms>,"timeouts":0,"last_error":"expected exit code 0, got 3","failing":true,"slow":false,\
            "orphan":false}]},{"file":"<tmp>/greet.yaml","name":"greet","execution_count":1,"successes":1,"failures":0,\
            "success_rate":1.000,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"last_executed":"<time>","steps":[{"key":"say",\
            "runs":1,"successes":1,"failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"timeouts":0,\
            "last_error":null,"failing":false,"slow":false,"orphan":false}]},{"file":"<tmp>/say_twice.yaml","name":"say_twice",\
            "execution_count":2,"successes":2,"failures":0,"success_rate":1.000,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,\
            "last_executed":"<time>","steps":[{"key":"echo","runs":1,"successes":1,"failures":0,"skips":0,"total_duration_ms":<ms>,\
            "avg_duration_ms":<ms>,"timeouts":0,"last_error":null,"failing":false,"slow":false,"orphan":false},\
            {"key":"echo_2","runs":1,"successes":1,"failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,\
            "timeouts":0,"last_error":null,"failing":false,"slow":false,"orphan":false}]}]}
            """, "stats_all", normalizing: unstable)
        WholeText.expect(call("unknown_tool").text, equals: "unknown tool 'no_such_tool'", "unknown_tool", normalizing: unstable)
        #expect(call("find").isError == false)
        #expect(call("run").isError == false)
        #expect(call("run_failing").isError)
        #expect(call("run_missing").isError)
        #expect(call("run_bad_input").isError)
        #expect(call("record").isError == false)
        #expect(call("record_again").isError)
        #expect(call("record_invalid").isError)
        #expect(call("unknown_tool").isError)
        #expect(call("missing_argument") == (true, "missing required argument 'name'"))

        // The files written: the recorded procedure (as `procrun record --from` writes it, with the
        // stats of the run it was recorded from and of its replay), learning in greet.
        let recorded = try folder.read("say_twice.yaml")
        WholeText.expect(recorded, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: say_twice
            description: says a word twice
            tags: [echo]
            version: 1

            inputs:
              word:
                type: string
                default: hello

            steps:
              - id: echo
                action: shell
                parameters:
                  command: 'echo {{ inputs.word }}'
                expect:
                  exit_code: 0

              - id: echo_2
                action: shell
                parameters:
                  command: 'echo {{ inputs.word }} again'
                expect:
                  exit_code: 0

            stats:
              execution_count: 2
              successes: 2
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                echo: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                echo_2: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "say_twice.yaml", normalizing: unstable)
        WholeText.expect(try folder.statsBlock("greet.yaml"), equals: """
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

            """, "the stats block of greet.yaml", normalizing: unstable)
        #expect(!folder.exists("bad_draft.yaml"))
        #expect(!folder.exists(".bad_draft.recording.yaml"))
        try ProcrunBinary.expect(["check", "say_twice.yaml"], in: folder.path, stdout: "ok: say_twice.yaml: 'say_twice', 2 steps\n")
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
        try ProcrunBinary.expect(["run", "calls.yaml", "--json", "--no-learn"], in: folder.path, status: 1, stdout: """
            {"procedure":"calls","file":"calls.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"mcp","status":"success","outcome":"42","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,\
            "id":null,"action":"mcp","status":"success","outcome":"HI","duration_ms":<ms>,"error":null,"attempts":1},{"step":3,\
            "id":null,"action":"mcp","status":"failed",\
            "outcome":"Error executing tool add: 2 validation errors for addArguments\\na\\n  Input should be a valid integer,\
             unable to parse string as an integer [type=int_parsing, input_value='x',\
             input_type=str]\\n    For further information visit https://errors.pydantic.dev/2.13/v/int_parsing\\nb\\n  Field required [type=missing,\
             input_value={'a': 'x'},\
             input_type=dict]\\n    For further information visit https://errors.pydantic.dev/2.13/v/missing","duration_ms":<ms>,\
            "error":"tool 'add' on MCP server 'py' reported an error: Error executing tool add: 2 validation errors for addArguments\\na\\n  Input should be a valid integer,\
             unable to parse string as an integer [type=int_parsing, input_value='x',\
             input_type=str]\\n    For further information visit https://errors.pydantic.dev/2.13/v/int_parsing\\nb\\n  Field required [type=missing,\
             input_value={'a': 'x'},\
             input_type=dict]\\n    For further information visit https://errors.pydantic.dev/2.13/v/missing","attempts":1}],\
            "outputs":{}}

            """, stderr: "Tool 'add' rejected arguments: ['a', 'b']\n", normalizing: [.durationFields])
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

    @Test("run_procedure with a progress token: progress as each step starts and finishes, a log message for the failed one; none without a token")
    func progress() throws {
        #expect(try Self.ensurePythonClient(), "python3 -m pip install mcp failed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(AgentFixture.mcp + "/progress_steps.yaml")
        let client = [AgentFixture.mcp + "/progress_client.py", ProcrunBinary.path, folder.path, "progress_steps"]
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["python3"] + client, timeout: .seconds(120)))
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        let out = try #require(AgentFixture.object(result.stdout.text), "client printed:\n\(result.stdout.text)")
        // Each notification as `progress/total message`, in the order the client got them.
        guard case .list(let updates)? = out["progress"] else {
            Issue.record("no progress in \(out)")
            return
        }
        let lines = updates.map { update -> String in
            guard case .list(let fields) = update, fields.count == 3, case .number(let done) = fields[0], case .number(let total) = fields[1],
                  case .string(let message) = fields[2]
            else { return "unexpected \(update.jsonText)" }
            return "\(Int(done))/\(Int(total)) \(message)"
        }
        WholeText.expect(lines.joined(separator: "\n"), equals: """
            1/10 step 1/5 prepare: running
            2/10 step 1/5 prepare: success (<duration>)
            3/10 step 2/5 build: running
            4/10 step 2/5 build: success (<duration>)
            5/10 step 3/5 check: running
            6/10 step 3/5 check: failed (<duration>)
            8/10 step 4/5 deploy: skipped
            9/10 step 5/5 log: running
            10/10 step 5/5 log: success (<duration>)
            """, "progress", normalizing: [.durations])
        // The failed step's reason, its secret hidden, as an error log message, between its progress and the next.
        #expect(out["logs"] == .list([.mapping([
            "level": "error", "logger": "procrun", "data": "step 3/5 check failed: expected exit code 0, got 3: bad token ***",
        ])]))
        let progress = Value.string("notifications/progress")
        #expect(out["notifications"] == .mapping([
            "progress": .list(Array(repeating: progress, count: 6) + ["notifications/message"] + Array(repeating: progress, count: 3)),
            "none": .list([]),
            "critical": .list(Array(repeating: progress, count: 9)),
        ]))
        // After logging/setLevel critical, progress still comes, the error log message does not.
        #expect(out["critical_progress"] == 9)
        #expect(out["critical_logs"] == 0)
        #expect(out["is_error"] == .list([true, true, true]))
    }

    @Test("procrun mcp on a folder that is not there exits 2 with a clear error")
    func badLibrary() throws {
        try ProcrunBinary.expect(["mcp", "--library", "/no/such/folder"], input: "", status: 2, stderr: "error: --library '/no/such/folder' is not a folder\n")
    }
}
