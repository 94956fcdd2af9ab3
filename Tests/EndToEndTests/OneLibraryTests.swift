import Glibc
import ProcrunKit
import Testing

/// Every door (the command line, the MCP server) answers "which files are procedures, what does a
/// name mean, does a path stay inside the library" the same way: issue 12's eight cases.
@Suite("one library for every command", .serialized)
struct OneLibraryTests {
    /// Calls MCP tools through the official Python client; each label's result.
    static func mcp(_ library: String, _ calls: [(String, String, Value)]) throws -> [String: (isError: Bool, text: String)] {
        #expect(try MCPServerTests.ensurePythonClient(), "python3 -m pip install mcp failed")
        let list = Value.list(calls.map { .list([.string($0.0), .string($0.1), $0.2]) }).jsonText
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/calls.py", ProcrunBinary.path, library, list], timeout: .seconds(120))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        var out: [String: (isError: Bool, text: String)] = [:]
        for (label, value) in AgentFixture.object(result.stdout.text) ?? [:] {
            guard case .mapping(let fields) = value, case .boolean(let isError)? = fields["is_error"], case .string(let text)? = fields["text"] else { continue }
            out[label] = (isError, text)
        }
        return out
    }

    static let greet = """
        name: greet
        description: Greet someone by name.
        inputs:
          who: {type: string, default: world}
        steps:
          - action: log
            parameters: {message: "hello, {{ inputs.who }}"}

        """

    @Test("1. a new version moves the old one to archive/, and show, calls, list, find and MCP see one procedure")
    func archivedVersion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("trace.jsonl", #"{"action": "log", "parameters": {"message": "one"}, "outcome": "one", "success": true}"# + "\n")
        _ = try folder.write("caller.yaml", "name: caller\nsteps:\n  - action: task\n")
        try ProcrunBinary.expect(
            ["record", "task", "--from", "trace.jsonl", "--description", "a recorded task"], in: folder.path,
            stdout: "read 1 action from trace.jsonl\nsaved task.yaml: 1 step\n")
        try ProcrunBinary.expect(
            ["record", "task", "--from", "trace.jsonl", "--description", "a recorded task", "--new-version"], in: folder.path,
            stdout: "read 1 action from trace.jsonl\nmoved the previous version to archive/task.v1.yaml\nsaved task.yaml: 1 step\n")
        #expect(folder.exists("archive/task.v1.yaml"))
        try ProcrunBinary.expect(["show", "task"], in: folder.path, stdout: """
            task (task.yaml)
              a recorded task

            steps:
              1  log  log

            call tree:
            task
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["check", "caller.yaml"], in: folder.path, stdout: "ok: caller.yaml: 'caller', 1 step, calls 1 procedure\n")
        try ProcrunBinary.expect(["list", "--json"], in: folder.path, stdout: """
            {"procedures":[{"aliases":[],"description":"","file":"caller.yaml","name":"caller","tags":[]},{"aliases":[],\
            "description":"a recorded task","file":"task.yaml","name":"task","tags":[]}]}

            """)
        try ProcrunBinary.expect(["find", "a recorded task", "--json"], in: folder.path, stdout: """
            {"query":"a recorded task","searched":2,"matches":[{"name":"task","file":"task.yaml","description":"a recorded task",\
            "score":0.93,"relevance":0.93,"success_rate":1.00,"runs":1,"duplicates":[],"matched":["recorded","task"]}]}

            """)
        let calls = try Self.mcp(folder.path, [("show", "show_procedure", .mapping(["name": .string("task")]))])
        #expect(calls["show"]?.isError == false, "\(calls["show"]?.text ?? "")")
    }

    @Test("2. the MCP server refuses files outside its library: ../, absolute paths and symbolic links")
    func mcpContainment() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("library/greet.yaml", Self.greet)
        let outside = """
            name: outside
            steps:
              - action: write_file
                parameters: {path: \(folder.path)/CANARY, content: ran, outside_library: true}

            """
        let outsidePath = try folder.write("outside/outside.yaml", outside)
        #expect(symlink(outsidePath, folder.path + "/library/link.yaml") == 0)
        let library = folder.path + "/library"
        let calls = try Self.mcp(library, [
            ("show_up", "show_procedure", .mapping(["name": .string("../outside/outside.yaml")])),
            ("run_up", "run_procedure", .mapping(["name": .string("../outside/outside.yaml")])),
            ("run_absolute", "run_procedure", .mapping(["name": .string(outsidePath)])),
            ("show_absolute", "show_procedure", .mapping(["name": .string(outsidePath)])),
            ("run_link", "run_procedure", .mapping(["name": .string("link.yaml")])),
            ("run_link_name", "run_procedure", .mapping(["name": .string("outside")])),
            ("stats_up", "procedure_stats", .mapping(["name": .string("../outside/outside.yaml")])),
            ("run_inside", "run_procedure", .mapping(["name": .string("greet.yaml")])),
        ])
        // What each call answered, whole.
        let unstable: [OutputNormalization] = [.durationFields, .temporaryFolders]
        // run_procedure answers as `procrun run NAME --json` does: the report of a run that did not start.
        WholeText.expect(calls["run_up"]?.text ?? "", equals: """
            {"procedure":null,"file":"../outside/outside.yaml","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"procedure reference '../outside/outside.yaml' leaves the library folder '<tmp>/library'",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"outside-library",\
            "message":"procedure reference '../outside/outside.yaml' leaves the library folder '<tmp>/library'","notes":[]}],\
            "steps":[],"outputs":{}}
            """, "run_up", normalizing: unstable)
        WholeText.expect(calls["run_absolute"]?.text ?? "", equals: """
            {"procedure":null,"file":"<tmp>/outside/outside.yaml","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"procedure reference '<tmp>/outside/outside.yaml' is an absolute path; a reference is a procedure name or a path \
            inside the library folder '<tmp>/library'","diagnostics":[{"file":null,"line":null,"column":null,"severity":"error",\
            "id":"outside-library","message":"procedure reference '<tmp>/outside/outside.yaml' is an absolute path; a reference is a \
            procedure name or a path inside the library folder '<tmp>/library'","notes":[]}],"steps":[],"outputs":{}}
            """, "run_absolute", normalizing: unstable)
        WholeText.expect(calls["show_absolute"]?.text ?? "", equals: """
            error: procedure reference '<tmp>/outside/outside.yaml' is an absolute path; a reference is a procedure name or a path inside the library folder '<tmp>/library'
            """, "show_absolute", normalizing: unstable)
        WholeText.expect(calls["run_link"]?.text ?? "", equals: """
            {"procedure":null,"file":"link.yaml","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"procedure reference 'link.yaml' resolves outside the library folder '<tmp>/library' (through a symbolic link)",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"outside-library",\
            "message":"procedure reference 'link.yaml' resolves outside the library folder '<tmp>/library' (through a symbolic link)",\
            "notes":[]}],"steps":[],"outputs":{}}
            """, "run_link", normalizing: unstable)
        WholeText.expect(calls["run_link_name"]?.text ?? "", equals: """
            {"procedure":null,"file":"outside","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"no procedure named 'outside' in the library folder '<tmp>/library'",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"procedure-reference",\
            "message":"no procedure named 'outside' in the library folder '<tmp>/library'","notes":[]}],"steps":[],"outputs":{}}
            """, "run_link_name", normalizing: unstable)
        WholeText.expect(calls["stats_up"]?.text ?? "", equals: "error: procedure reference '../outside/outside.yaml' leaves the library folder '<tmp>/library'", "stats_up", normalizing: unstable)
        WholeText.expect(calls["run_inside"]?.text ?? "", equals: """
            {"procedure":"greet","file":"<tmp>/library/greet.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":null,"action":"log","status":"success","outcome":"hello, world","duration_ms":<ms>,"error":null,\
            "attempts":1}],"outputs":{}}
            """, "run_inside", normalizing: unstable)
        WholeText.expect(calls["show_up"]?.text ?? "", equals: "error: procedure reference '../outside/outside.yaml' leaves the library folder '\(library)'", "show_up")
        #expect(calls["show_up"]?.isError == true)
        #expect(calls["run_up"]?.isError == true)
        #expect(calls["run_absolute"]?.isError == true)
        #expect(calls["show_absolute"]?.isError == true)
        #expect(calls["run_link"]?.isError == true)
        #expect(calls["run_link_name"]?.isError == true)
        #expect(calls["stats_up"]?.isError == true)
        #expect(calls["run_inside"]?.isError == false, "\(calls["run_inside"]?.text ?? "")")
        #expect(!folder.exists("CANARY"))
        #expect(try folder.read("outside/outside.yaml") == outside)

        // The command line follows the same rule when a library is named, and by name.
        try ProcrunBinary.expect(["run", "outside", "--library", library], in: folder.path, status: 2, stderr: "error: no procedure named 'outside' in the library folder '<tmp>/library'\n", normalizing: [.temporaryFolders])
        try ProcrunBinary.expect(["run", "outside/outside.yaml", "--library", library], in: folder.path, status: 2, stderr: "error: 'outside/outside.yaml' is outside the library folder '<tmp>/library'\n", normalizing: [.temporaryFolders])
        #expect(!folder.exists("CANARY"))
    }

    @Test("3. merge keeps the mode of the file it rewrites, as the stats writer does")
    func mergeKeepsMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "# the library\n")
        _ = try folder.write("keep.yaml", Self.greet)
        let other = try folder.write("other.yaml", "name: greet_old" + Self.greet.dropFirst("name: greet".count))
        #expect(chmod(other, 0o664) == 0)
        try ProcrunBinary.expect(["merge", "greet", "greet_old"], in: folder.path, stdout: """
            marked other.yaml:
              + superseded_by: greet
              + superseded_reason: 'merged into greet by procrun merge (98% similar); greet: never run; this one: never run'
            the marked procedures stay on disk and still run; find and similar leave them out (review with your version control's diff)

            """)
        var info = stat()
        #expect(stat(other, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o664)
        WholeText.expect(try folder.read("other.yaml"), equals: """
            name: greet_old
            superseded_by: greet
            superseded_reason: 'merged into greet by procrun merge (98% similar); greet: never run; this one: never run'
            description: Greet someone by name.
            inputs:
              who: {type: string, default: world}
            steps:
              - action: log
                parameters: {message: "hello, {{ inputs.who }}"}

            """, "other.yaml")
    }

    @Test("4. an empty or comments-only procrun.yaml marks the library and configures nothing")
    func emptyConfiguration() throws {
        for config in ["", "# the team's procedures\n\n", "---\n"] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            _ = try folder.write("procrun.yaml", config)
            _ = try folder.write("flows/greet.yaml", Self.greet)
            try ProcrunBinary.expect(["check", "flows/greet.yaml"], in: folder.path, stdout: "ok: flows/greet.yaml: 'greet', 1 step\n")
            try ProcrunBinary.expect(["greet", "--no-learn"], in: folder.path + "/flows", stdout: """
                ▶ greet (../flows/greet.yaml, 1 step)
                  1/1 ✓ log  #1  <duration>
                      hello, world
                ✓ greet succeeded in <duration>: 1 succeeded

                """, normalizing: [.durations, .temporaryFolders])
        }
    }

    @Test("5. at a repository's root, list, show, stats and check use procedures/, not every YAML file below")
    func repositoryRoot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procedures/greet.yaml", Self.greet)
        _ = try folder.write("Tests/Fixtures/greet.yaml", Self.greet)
        _ = try folder.write("Tests/Fixtures/broken.yaml", "name: broken\nsteps: 3\n")
        try ProcrunBinary.expect(["list"], in: folder.path, stdout: """
            NAME   DESCRIPTION             TAGS  FILE
            greet  Greet someone by name.        procedures/greet.yaml

            """)
        try ProcrunBinary.expect(["show", "greet"], in: folder.path, stdout: """
            greet (procedures/greet.yaml)
              Greet someone by name.

            inputs:
              who  string  default: world

            steps:
              1  #1  log

            call tree:
            greet
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["stats"], in: folder.path, stdout: """
            PROCEDURE  FILE                   RUNS  SUCCESS  AVG  LAST RUN
            greet      procedures/greet.yaml  0     -        -    never

            STEP  RUNS  OK  FAILED  SKIPPED  AVG  MARKS

            """)
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: "ok: procedures/greet.yaml: 'greet', 1 step\n")
    }

    @Test("6. run takes a name, procrun NAME runs it, a mistyped command gets 'did you mean', check takes a folder")
    func namesEverywhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procedures/greet.yaml", Self.greet)
        _ = try folder.write("procedures/more/bye.yaml", "name: bye\nsteps:\n  - action: log\n    parameters: {message: bye}\n")
        try ProcrunBinary.expect(["run", "greet", "--set", "who=Ada", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"greet","file":"procedures/greet.yaml","success":true,"duration_ms":<ms>,"learned":false,\
            "steps":[{"step":1,"id":null,"action":"log","status":"success","outcome":"hello, Ada","duration_ms":<ms>,"error":null,\
            "attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["greet", "--no-learn"], in: folder.path, stdout: """
            ▶ greet (procedures/greet.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  hello, world
            ✓ greet succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["optimize", "greet"], in: folder.path, status: 2, stderr: "procedures/greet.yaml: error: optimize needs at least 3 recorded runs; this procedure has 0\n")
        try ProcrunBinary.expect(["lsit"], in: folder.path, status: 2, stderr: "error: 'lsit' is neither a command nor a procedure of the library; did you mean 'procrun list'?\n")
        try ProcrunBinary.expect(["gret"], in: folder.path, status: 2, stderr: "error: no procedure named 'gret' in the library folder 'procedures'; did you mean 'greet'?\n")
        try ProcrunBinary.expect(["check", "procedures"], in: folder.path, stdout: """
            ok: procedures/greet.yaml: 'greet', 1 step
            ok: procedures/more/bye.yaml: 'bye', 1 step

            """)
    }

    @Test("7. from the folder above procedures/, show, graph, stats, export and record read the library's procrun.yaml")
    func libraryBelow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procedures/procrun.yaml", """
            executor: "python3 executor.py"
            actions:
              make:
                parameters: {target: {required: true}}
                command: "echo make {{ params.target }}"

            """)
        _ = try folder.write("procedures/build_calc.yaml", "name: build_calc\ndescription: Build the calculator.\nsteps:\n  - action: make\n    parameters: {target: calc}\n")
        _ = try folder.write("scratch/notes.yaml", "name: notes\nsteps: []\n")
        try ProcrunBinary.expect(["show", "build_calc"], in: folder.path, stdout: """
            build_calc (procedures/build_calc.yaml)
              Build the calculator.

            steps:
              1  #1  make
                  $ echo make calc

            call tree:
            build_calc
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["graph", "build_calc"], in: folder.path, stdout: """
            flowchart TD
                n0["build_calc"]

            """)
        try ProcrunBinary.expect(["stats"], in: folder.path, stdout: """
            PROCEDURE   FILE                        RUNS  SUCCESS  AVG  LAST RUN
            build_calc  procedures/build_calc.yaml  0     -        -    never

            STEP  RUNS  OK  FAILED  SKIPPED  AVG  MARKS

            """)
        try ProcrunBinary.expect(["export", "--skills", folder.path + "/skills", "--json"], in: folder.path, stdout: """
            {"removed":[],"superseded":[],"unchanged":[],"written":["<tmp>/skills/build-calc/build_calc.yaml",\
            "<tmp>/skills/build-calc/SKILL.md"]}

            """, normalizing: [.temporaryFolders])
        #expect(folder.exists("skills/build-calc/SKILL.md"))
        #expect(!folder.exists("skills/notes"))
        _ = try folder.write("trace.jsonl", #"{"action": "deploy_service", "parameters": {"service": "calc"}, "outcome": "deployed", "success": true}"# + "\n")
        try ProcrunBinary.expect(["record", "deploy_calc", "--from", "trace.jsonl", "--description", "Deploy the calculator."], in: folder.path, stdout: """
            read 1 action from trace.jsonl
            saved procedures/deploy_calc.yaml: 1 step

            """)
        #expect(folder.exists("procedures/deploy_calc.yaml"))
        // MCP's record_procedure accepts what the library's executor runs, as record --from does.
        let calls = try Self.mcp(folder.path + "/procedures", [
            ("record", "record_procedure", .mapping([
                "name": .string("deploy_calc_again"), "description": .string("Deploy the calculator again."),
                "steps": .list([.mapping(["action": .string("deploy_service"), "parameters": .mapping(["service": .string("calc")])])]),
            ]))
        ])
        #expect(calls["record"]?.isError == false, "\(calls["record"]?.text ?? "")")
        #expect(folder.exists("procedures/deploy_calc_again.yaml"))
    }

    @Test("8. MCP run_procedure passes typed inputs: a list of strings with commas stays two items")
    func typedInputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("names.yaml", """
            name: names
            inputs:
              people: {type: list}
              times: {type: integer, default: 1}
            outputs:
              count: "{{ inputs.people | length }}"
              first: "{{ inputs.people | first }}"
            steps:
              - action: log
                parameters: {message: "{{ inputs.people | join('; ') }}"}

            """)
        let calls = try Self.mcp(folder.path, [
            ("run", "run_procedure", .mapping(["name": .string("names"), "inputs": .mapping(["people": .list([.string("Smith, John"), .string("Doe, Jane")]), "times": .integer(2)])])),
            ("unknown", "run_procedure", .mapping(["name": .string("names"), "inputs": .mapping(["people": .list([]), "who=x": .string("y")])])),
            ("wrong", "run_procedure", .mapping(["name": .string("names"), "inputs": .mapping(["people": .list([]), "times": .string("many")])])),
        ])
        let report = AgentFixture.object(calls["run"]?.text ?? "")
        #expect(calls["run"]?.isError == false, "\(calls["run"]?.text ?? "")")
        #expect(report?["outputs"] == .mapping(["count": .integer(2), "first": .string("Smith, John")]))
        WholeText.expect(calls["unknown"]?.text ?? "", equals: """
            {"procedure":"names","file":"<tmp>/names.yaml","success":false,"duration_ms":0,"learned":false,\
            "error":"procedure 'names' has no input 'who=x'","diagnostics":[{"file":null,"line":null,"column":null,"severity":"error",\
            "id":"invalid-input","message":"procedure 'names' has no input 'who=x'","notes":[]}],"steps":[],"outputs":{}}
            """, "unknown", normalizing: [.temporaryFolders])
        WholeText.expect(calls["wrong"]?.text ?? "", equals: #"""
            {"procedure":"names","file":"<tmp>/names.yaml","success":false,"duration_ms":0,"learned":false,\#
            "error":"input 'times' must be an integer, found \"many\" (<tmp>/names.yaml:4:3: input 'times' is declared here)",\#
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-input",\#
            "message":"input 'times' must be an integer, found \"many\"",\#
            "notes":[{"file":"<tmp>/names.yaml","line":4,"column":3,"message":"input 'times' is declared here"}]}],"steps":[],"outputs":{}}
            """#, "wrong", normalizing: [.temporaryFolders])
        #expect(calls["unknown"]?.isError == true)
    }

    @Test("write_file stays inside the library unless the step says outside_library: true")
    func writeFileContainment() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("library/procrun.yaml", "")
        #expect(symlink(folder.path + "/elsewhere", folder.path + "/library/link") == 0)
        _ = try folder.write("elsewhere/.keep", "")
        _ = try folder.write("library/write.yaml", """
            name: write
            inputs:
              where: {type: string}
              outside: {type: boolean, default: false}
            steps:
              - action: write_file
                parameters: {path: "{{ inputs.where }}", content: data, create_dirs: true}
                when: not inputs.outside
              - action: write_file
                parameters: {path: "{{ inputs.where }}", content: data, outside_library: true}
                when: inputs.outside

            """)
        for (place, allowed) in [("notes/a.txt", true), ("../escaped.txt", false), ("notes/../../escaped.txt", false), ("link/through.txt", false),
            (folder.path + "/escaped.txt", false), (folder.path + "/library/abs.txt", true)]
        {
            let path = place.hasPrefix("/") ? place : folder.path + "/library/" + place
            let first = allowed ? "  1/2 ✓ write_file  #1  <duration>\n  2/2 - write_file  #2  skipped" : """
                  1/2 ✗ write_file  #1  <duration>
                      error: write_file path '\(path)' is outside the library folder 'library'; write inside it, or add outside_library: true \
                to the step's parameters
                """
            let end = allowed ? "✓ write succeeded in <duration>: 1 succeeded, 1 skipped" : "✗ write failed in <duration>: 0 succeeded, 1 failed, 1 not run; first failure: step 1"
            try ProcrunBinary.expect(
                ["run", "library/write.yaml", "--set", "where=\(place)", "--no-learn"], in: folder.path, status: allowed ? 0 : 1,
                stdout: "▶ write (library/write.yaml, 2 steps)\n\(first)\n\(end)\n", normalizing: [.durations])
        }
        #expect(!folder.exists("escaped.txt"))
        #expect(!folder.exists("elsewhere/through.txt"))
        #expect(folder.exists("library/notes/a.txt"))
        try ProcrunBinary.expect(["run", "library/write.yaml", "--set", "where=\(folder.path)/allowed.txt", "--set", "outside=true", "--no-learn"], in: folder.path, stdout: """
            ▶ write (library/write.yaml, 2 steps)
              1/2 - write_file  #1  skipped
              2/2 ✓ write_file  #2  <duration>
            ✓ write succeeded in <duration>: 1 succeeded, 1 skipped

            """, normalizing: [.durations])
        #expect(folder.exists("allowed.txt"))
    }

    @Test("MCP: a 1 MB input reaches the run; a client that disconnects mid-run leaves no process, and the run's stats are saved")
    func mcpDisconnect() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("measure.yaml", """
            name: measure
            inputs:
              text: {type: string}
            outputs:
              length: "{{ inputs.text | length }}"
            steps:
              - action: log
                parameters: {message: measured}

            """)
        _ = try folder.write("slow.yaml", """
            name: slow
            steps:
              - action: shell
                parameters: {command: "sleep 1 && echo $PPID > slow.pid"}
              - action: write_file
                parameters: {path: done, content: finished}

            """)
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/disconnect.py", ProcrunBinary.path, folder.path], timeout: .seconds(60))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        let out = try #require(AgentFixture.object(result.stdout.text), "client printed:\n\(result.stdout.text)")
        #expect(AgentFixture.object({ if case .string(let text)? = out["big_output"] { text } else { "" } }())?["outputs"] == .mapping(["length": .integer(1_000_000)]))
        #expect(out["exit_code"] == .integer(0))
        // The run the client left behind finished before the server exited, and was recorded.
        #expect(try folder.read("done") == "finished")
        WholeText.expect(try folder.statsBlock("slow.yaml"), equals: """
            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                shell#c02b53db: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                write_file#96416d67: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "the stats block of slow.yaml", normalizing: [.durationFields, .timestamps, .runIDs])
        let pid = try folder.read("slow.pid").filter(\.isNumber)
        #expect(kill(pid_t(pid) ?? 0, 0) != 0, "the step's shell \(pid) is still running")
    }

    @Test("a lock file that is a symbolic link is refused, never followed: nothing is created at its target")
    func symlinkedLock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("library/greet.yaml", Self.greet)
        try FileSystem.createDirectories(folder.path + "/library/.procrun/locks")
        #expect(symlink(folder.path + "/target", folder.path + "/library/.procrun/locks/greet.yaml.lock") == 0)
        try ProcrunBinary.expect(["run", "library/greet.yaml"], in: folder.path, stdout: """
            ▶ greet (library/greet.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  hello, world
            ✓ greet succeeded in <duration>: 1 succeeded

            """, stderr: """
            library/greet.yaml: warning: the stats of this run could not be saved: cannot lock '<tmp>/library/.procrun/locks/greet.yaml.lock': the lock file is a symbolic link; remove it

            """, normalizing: [.durations, .temporaryFolders])
        #expect(!folder.exists("target"))
        #expect(try folder.read("library/greet.yaml") == Self.greet)
    }

    @Test("a lock folder that is a symbolic link is refused, never followed: nothing is created at its target")
    func symlinkedLockFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("library/greet.yaml", Self.greet)
        try FileSystem.createDirectories(folder.path + "/library/.procrun")
        try FileSystem.createDirectories(folder.path + "/target")
        #expect(symlink(folder.path + "/target", folder.path + "/library/.procrun/locks") == 0)
        try ProcrunBinary.expect(["run", "--quiet", "library/greet.yaml"], in: folder.path, stderr: """
            library/greet.yaml: warning: the stats of this run could not be saved: cannot use '<tmp>/library/.procrun/locks': it is a symbolic link or not a folder; remove it

            """, normalizing: [.durations, .temporaryFolders])
        #expect(try FileSystem.contents(of: folder.path + "/target").isEmpty)
        #expect(try folder.read("library/greet.yaml") == Self.greet)
    }

    /// Why the stats of a run are not saved when its file was replaced by something that is not a procedure.
    static let noLongerAProcedure =
        "the file is no longer a procedure (it has no 'name' or no steps; it changed during the run), so its stats were left out of it"

    @Test("a procedure file replaced during the run by something that is not this procedure gets no stats block, and the run says so",
        arguments: [
            ("foo: bar\n", OneLibraryTests.noLongerAProcedure),
            ("steps: []\n", OneLibraryTests.noLongerAProcedure),
            ("name: swap\nsteps: []\n", OneLibraryTests.noLongerAProcedure),
            (
                "name: other\nsteps:\n  - action: log\n    parameters: {message: hi}\n",
                "the file now holds another procedure ('other', not 'swap'; it changed during the run), so the stats of this run were left out of it"
            ),
        ])
    func replacedDuringRun(replacement: String, warning: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("replacement", replacement)
        try folder.write("swap.yaml", """
            name: swap
            steps:
              - action: shell
                parameters: {command: "cp replacement swap.yaml.new && mv swap.yaml.new swap.yaml"}

            """)
        try ProcrunBinary.expect(["run", "swap.yaml"], in: folder.path, stdout: """
            ▶ swap (swap.yaml, 1 step)
              1/1 ✓ shell  #1  <duration>
            ✓ swap succeeded in <duration>: 1 succeeded

            """, stderr: "swap.yaml: warning: the stats of this run could not be saved: \(warning)\n", normalizing: [.durations])
        #expect(try folder.read("swap.yaml") == replacement)
    }

    @Test("a run-time failure about a place in the file is shown with its source line and caret, as load-time problems are")
    func runTimeCaret() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("rt.yaml", "name: rt\ninputs:\n  n: {type: string, default: abc}\nsteps:\n  - action: log\n    parameters: {message: \"{{ inputs.n | int }}\"}\n")
        try ProcrunBinary.expect(["run", "rt.yaml", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ rt (rt.yaml, 1 step)
              1/1 ✗ log  #1  <duration>
                  error: rt.yaml:6:42: filter 'int' expects the text of an integer, found "abc"
                      parameters: {message: "{{ inputs.n | int }}"}
                                                           ^
            ✗ rt failed in <duration>: 0 succeeded, 1 failed; first failure: step 1

            """, normalizing: [.durations])
    }
}
