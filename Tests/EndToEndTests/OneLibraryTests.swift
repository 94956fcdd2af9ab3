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
        for extra in [[], ["--new-version"]] {
            let recorded = try ProcrunBinary.run(["record", "task", "--from", "trace.jsonl", "--description", "a recorded task"] + extra, in: folder.path)
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        #expect(folder.exists("archive/task.v1.yaml"))
        let show = try ProcrunBinary.run(["show", "task"], in: folder.path)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("task (task.yaml)"))
        let check = try ProcrunBinary.run(["check", "caller.yaml"], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        let list = try ProcrunBinary.run(["list", "--json"], in: folder.path)
        #expect(list.stdout.split(separator: #""name":"task""#).count == 2, "\(list.stdout)")
        #expect(list.stderr.isEmpty)
        let find = try ProcrunBinary.run(["find", "a recorded task", "--json"], in: folder.path)
        #expect(find.stdout.split(separator: #""name":"task""#).count == 2, "\(find.stdout)")
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
        #expect(calls["show_up"]?.isError == true)
        #expect(calls["show_up"]?.text == "error: procedure reference '../outside/outside.yaml' leaves the library folder '\(library)'")
        #expect(calls["run_up"]?.isError == true)
        #expect(calls["run_absolute"]?.isError == true)
        #expect(calls["run_absolute"]?.text.contains("is an absolute path") == true)
        #expect(calls["show_absolute"]?.isError == true)
        #expect(calls["run_link"]?.isError == true)
        #expect(calls["run_link"]?.text.contains("outside the library folder") == true, "\(calls["run_link"]?.text ?? "")")
        #expect(calls["run_link_name"]?.isError == true)
        #expect(calls["run_link_name"]?.text.hasPrefix("error: no procedure named 'outside'") == true)
        #expect(calls["stats_up"]?.isError == true)
        #expect(calls["run_inside"]?.isError == false, "\(calls["run_inside"]?.text ?? "")")
        #expect(!folder.exists("CANARY"))
        #expect(try folder.read("outside/outside.yaml") == outside)

        // The command line follows the same rule when a library is named, and by name.
        let byName = try ProcrunBinary.run(["run", "outside", "--library", library], in: folder.path)
        #expect(byName.status == 2)
        let byPath = try ProcrunBinary.run(["run", "outside/outside.yaml", "--library", library], in: folder.path)
        #expect(byPath.status == 2)
        #expect(byPath.stderr == "error: 'outside/outside.yaml' is outside the library folder '\(library)'\n")
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
        let merged = try ProcrunBinary.run(["merge", "greet", "greet_old"], in: folder.path)
        #expect(merged.status == 0, "\(merged.stderr)")
        var info = stat()
        #expect(stat(other, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o664)
        #expect(try folder.read("other.yaml").contains("superseded_by: greet"))
    }

    @Test("4. an empty or comments-only procrun.yaml marks the library and configures nothing")
    func emptyConfiguration() throws {
        for config in ["", "# the team's procedures\n\n", "---\n"] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            _ = try folder.write("procrun.yaml", config)
            _ = try folder.write("flows/greet.yaml", Self.greet)
            let check = try ProcrunBinary.run(["check", "flows/greet.yaml"], in: folder.path)
            #expect(check.status == 0, "\(config.debugDescription): \(check.stderr)")
            let run = try ProcrunBinary.run(["greet", "--no-learn"], in: folder.path + "/flows")
            #expect(run.status == 0, "\(config.debugDescription): \(run.stderr)")
        }
    }

    @Test("5. at a repository's root, list, show, stats and check use procedures/, not every YAML file below")
    func repositoryRoot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procedures/greet.yaml", Self.greet)
        _ = try folder.write("Tests/Fixtures/greet.yaml", Self.greet)
        _ = try folder.write("Tests/Fixtures/broken.yaml", "name: broken\nsteps: 3\n")
        let list = try ProcrunBinary.run(["list"], in: folder.path)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout == "NAME   DESCRIPTION             TAGS  FILE\ngreet  Greet someone by name.        procedures/greet.yaml\n")
        let show = try ProcrunBinary.run(["show", "greet"], in: folder.path)
        #expect(show.status == 0, "\(show.stderr)")
        let stats = try ProcrunBinary.run(["stats"], in: folder.path)
        #expect(stats.stdout.contains("procedures/greet.yaml"))
        #expect(!stats.stdout.contains("Fixtures"))
        let check = try ProcrunBinary.run(["check"], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "ok: procedures/greet.yaml: 'greet', 1 step\n")
    }

    @Test("6. run takes a name, procrun NAME runs it, a mistyped command gets 'did you mean', check takes a folder")
    func namesEverywhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procedures/greet.yaml", Self.greet)
        _ = try folder.write("procedures/more/bye.yaml", "name: bye\nsteps:\n  - action: log\n    parameters: {message: bye}\n")
        let run = try ProcrunBinary.run(["run", "greet", "--set", "who=Ada", "--json", "--no-learn"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("hello, Ada"))
        let short = try ProcrunBinary.run(["greet", "--no-learn"], in: folder.path)
        #expect(short.status == 0, "\(short.stderr)")
        let optimize = try ProcrunBinary.run(["optimize", "greet"], in: folder.path)
        #expect(optimize.status == 2)
        #expect(optimize.stderr.contains("procedures/greet.yaml"))
        let typo = try ProcrunBinary.run(["lsit"], in: folder.path)
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: 'lsit' is neither a command nor a procedure of the library; did you mean 'procrun list'?\n")
        let unknown = try ProcrunBinary.run(["gret"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no procedure named 'gret' in the library folder 'procedures'; did you mean 'greet'?\n")
        let checkFolder = try ProcrunBinary.run(["check", "procedures"], in: folder.path)
        #expect(checkFolder.status == 0, "\(checkFolder.stderr)")
        #expect(checkFolder.stdout == "ok: procedures/greet.yaml: 'greet', 1 step\nok: procedures/more/bye.yaml: 'bye', 1 step\n")
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
        for command in [["show", "build_calc"], ["graph", "build_calc"]] {
            let out = try ProcrunBinary.run(command, in: folder.path)
            #expect(out.status == 0, "\(command): \(out.stderr)")
        }
        let stats = try ProcrunBinary.run(["stats"], in: folder.path)
        #expect(stats.stdout.contains("build_calc"), "\(stats.stdout)")
        let export = try ProcrunBinary.run(["export", "--skills", folder.path + "/skills", "--json"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(folder.exists("skills/build-calc/SKILL.md"))
        #expect(!folder.exists("skills/notes"))
        _ = try folder.write("trace.jsonl", #"{"action": "deploy_service", "parameters": {"service": "calc"}, "outcome": "deployed", "success": true}"# + "\n")
        let record = try ProcrunBinary.run(["record", "deploy_calc", "--from", "trace.jsonl", "--description", "Deploy the calculator."], in: folder.path)
        #expect(record.status == 0, "\(record.stderr)")
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
        #expect(calls["unknown"]?.isError == true)
        #expect(calls["unknown"]?.text.contains("procedure 'names' has no input 'who=x'") == true, "\(calls["unknown"]?.text ?? "")")
        #expect(calls["wrong"]?.text.contains("expected an integer for input 'times'") == true, "\(calls["wrong"]?.text ?? "")")
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
            let run = try ProcrunBinary.run(["run", "library/write.yaml", "--set", "where=\(place)", "--no-learn"], in: folder.path)
            #expect(run.status == (allowed ? 0 : 1), "\(place): \(run.stdout)")
            if !allowed { #expect(run.stdout.contains("is outside the library folder 'library'"), "\(place): \(run.stdout)") }
        }
        #expect(!folder.exists("escaped.txt"))
        #expect(!folder.exists("elsewhere/through.txt"))
        #expect(folder.exists("library/notes/a.txt"))
        let outside = try ProcrunBinary.run(["run", "library/write.yaml", "--set", "where=\(folder.path)/allowed.txt", "--set", "outside=true", "--no-learn"], in: folder.path)
        #expect(outside.status == 0, "\(outside.stdout)")
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
        #expect(try folder.read("slow.yaml").contains("execution_count: 1"))
        let pid = try folder.read("slow.pid").filter(\.isNumber)
        #expect(kill(pid_t(pid) ?? 0, 0) != 0, "the step's shell \(pid) is still running")
    }

    @Test("a lock file that is a symbolic link is refused, never followed: nothing is created at its target")
    func symlinkedLock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let procedure = try folder.write("library/greet.yaml", Self.greet)
        #expect(symlink(folder.path + "/target", procedure + ".procrun.lock") == 0)
        let run = try ProcrunBinary.run(["run", "library/greet.yaml"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: the stats of this run could not be saved: cannot lock '\(folder.path)/library/greet.yaml.procrun.lock': the lock file is a symbolic link; remove it"), "\(run.stderr)")
        #expect(!folder.exists("target"))
        #expect(try folder.read("library/greet.yaml") == Self.greet)
    }

    @Test("a procedure file replaced during the run by something that is not this procedure gets no stats block, and the run says so",
        arguments: [
            ("foo: bar\n", "the file is no longer a procedure"),
            ("steps: []\n", "the file is no longer a procedure"),
            ("name: swap\nsteps: []\n", "the file is no longer a procedure"),
            ("name: other\nsteps:\n  - action: log\n    parameters: {message: hi}\n", "the file now holds another procedure ('other', not 'swap'"),
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
        let run = try ProcrunBinary.run(["run", "swap.yaml"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try folder.read("swap.yaml") == replacement)
        #expect(run.stderr.contains("warning: the stats of this run could not be saved: \(warning)"), "\(run.stderr)")
    }

    @Test("a run-time failure about a place in the file is shown with its source line and caret, as load-time problems are")
    func runTimeCaret() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("rt.yaml", "name: rt\ninputs:\n  n: {type: string, default: abc}\nsteps:\n  - action: log\n    parameters: {message: \"{{ inputs.n | int }}\"}\n")
        let run = try ProcrunBinary.run(["run", "rt.yaml", "--no-learn"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("""
                  error: rt.yaml:6:42: filter 'int' expects the text of an integer, found "abc"
                      parameters: {message: "{{ inputs.n | int }}"}
                                                           ^

            """), "\(run.stdout)")
    }
}
