import ProcrunKit
import Testing

/// `procrun run` on the valid fixtures: what it prints, the exit code, the JSON report, and the
/// files the steps leave behind.
@Suite("running procedures", .serialized)
struct RunFixtureTests {
    /// Runs a fixture (copied with the library's procrun.yaml into a fresh folder), compares its
    /// status and both streams whole with what is stated (durations normalised), and hands the
    /// output and the folder to `inspect` before the folder is removed.
    func run(
        _ fixture: String, _ arguments: [String] = [], status: Int32 = 0, stdout: String = "", stderr: String = "",
        sourceLocation: Testing.SourceLocation = #_sourceLocation, inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void = { _, _ in }
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/valid/procrun.yaml")
        _ = try folder.copy(ProcrunBinary.fixtures + "/valid/" + fixture)
        let output = try ProcrunBinary.expect(
            [fixture] + arguments, in: folder.path, status: status, stdout: stdout, stderr: stderr, normalizing: [.durations, .durationFields, .temporaryFolders],
            sourceLocation: sourceLocation)
        try inspect(output, folder)
    }

    @Test("a successful run prints one line per step and a summary, and exits 0")
    func basics() throws {
        try run("basics.yaml", stdout: """
            ▶ basics (basics.yaml, 5 steps)
              1/5 ✓ greet   greet  <duration>
              2/5 - log     shout  skipped
              3/5 ✓ set     total  <duration>
              4/5 ✓ assert  #4     <duration>
              5/5 ✓ shell   list   <duration>
            ✓ basics succeeded in <duration>: 4 succeeded, 1 skipped

            """)
    }

    @Test("the JSON report carries every step, its outcome and the procedure's outputs")
    func jsonReport() throws {
        try run("basics.yaml", ["--json"], stdout: """
            {"procedure":"basics","file":"basics.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"greet","action":"greet","status":"success","outcome":"Hello, world!","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1,"outputs":{"word":"world!"}},{"step":2,"id":"shout","action":"log","status":"skipped",\
            "outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":3,"id":"total","action":"set","status":"success",\
            "outcome":"","duration_ms":<ms>,"error":null,"attempts":1},{"step":4,"id":null,"action":"assert","status":"success",\
            "outcome":"true","duration_ms":<ms>,"error":null,"attempts":1},{"step":5,"id":"list","action":"shell",\
            "status":"success","outcome":"count=2|world!","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],\
            "outputs":{"greeting":"Hello, world!","word":"world!"}}

            """)
    }

    @Test("a failed step stops the run with exit 1; later steps never run")
    func failing() throws {
        try run("failing.yaml", status: 1, stdout: """
            ▶ failing (failing.yaml, 3 steps)
              1/3 ✓ shell  first   <duration>
              2/3 ✗ shell  broken  <duration>
                  error: expected exit code 0, got 3: to stderr
                  │ to stderr
            ✗ failing failed in <duration>: 1 succeeded, 1 failed, 1 not run; first failure: step 2 (broken)

            """) { _, folder in
            #expect(!folder.exists("never-ran"))
        }
        try run("failing.yaml", ["--json"], status: 1, stdout: """
            {"procedure":"failing","file":"failing.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"first","action":"shell","status":"success","outcome":"one","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1},{"step":2,"id":"broken","action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":3,\
            "error":"expected exit code 0, got 3: to stderr","attempts":1}],"outputs":{}}

            """)
    }

    @Test("on_failure: continue goes on, and the run still counts as failed")
    func continueOnFailure() throws {
        try run("continue.yaml", status: 1, stdout: """
            ▶ keep_going (continue.yaml, 2 steps)
              1/2 ✗ fail   flaky    <duration>
                  error: this step always fails
              2/2 ✓ shell  cleanup  <duration>
            ✗ keep_going failed in <duration>: 1 succeeded, 1 failed; first failure: step 1 (flaky)

            """) { _, folder in
            #expect(folder.exists("cleaned-up"))
        }
    }

    /// The steps of expectations.yaml, each failing one kind of expectation when `which` names it.
    static let expectationKinds = ["contains", "not_contains", "matches", "equals", "exit_codes", "short_form"]

    @Test(
        "each expectation kind fails the step with what was expected and what came",
        arguments: [
            ("contains", "all good", 0, "expected the outcome to contain '3 passed'; it was 'all good'"),
            ("not_contains", "1 error", 0, "expected the outcome not to contain 'error'; it was '1 error'"),
            ("matches", "version: abc", 0, #"expected the outcome to match /version: \d+\.\d+/; it was 'version: abc'"#),
            ("equals", "healthy-ish", 0, "expected the outcome to equal 'healthy'; it was 'healthy-ish'"),
            ("exit_codes", "", 1, "expected exit code one of 0, 2, got 1"),
            ("short_form", "deployed", 0, "expected the outcome to contain 'rolled back'; it was 'deployed'"),
        ])
    func expectations(kind: String, outcome: String, exitCode: Int, message: String) throws {
        // The steps before the one of this kind are skipped; it fails, and the run stops.
        let skipped = Self.expectationKinds.prefix { $0 != kind }.enumerated().map { index, id in
            #"{"step":\#(index + 1),"id":"\#(id)","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},"#
        }
        let failed = #"{"step":\#(skipped.count + 1),"id":"\#(kind)","action":"shell","status":"failed","outcome":"\#(outcome)","duration_ms":<ms>,"#
            + #""exit_code":\#(exitCode),"error":\#(JSONWriter.quote(message)),"attempts":1}"#
        try run(
            "expectations.yaml", ["--json", "--set", "which=\(kind)"], status: 1,
            stdout: #"{"procedure":"expectations","file":"expectations.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":["#
                + skipped.joined() + failed + "],\"outputs\":{}}\n")
    }

    @Test("a value with shell syntax arrives as one literal word and is never executed")
    func injection() throws {
        let hostile = "a; touch pwned1 $(touch pwned2) `touch pwned3` \"q\" 's' | touch pwned4 & touch pwned5\nnewline > pwned6"
        try run("inject.yaml", ["--json", "--set", "value=\(hostile)"], stdout: """
            {"procedure":"inject","file":"inject.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"bare","action":"shell","status":"success",\
            "outcome":"a; touch pwned1 $(touch pwned2) `touch pwned3` \\"q\\" 's' | touch pwned4 & touch pwned5\\nnewline > pwned6",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":2,"id":"double","action":"shell","status":"success",\
            "outcome":"[a; touch pwned1 $(touch pwned2) `touch pwned3` \\"q\\" 's' | touch pwned4 & touch pwned5\\nnewline > pwned6]",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":3,"id":"single","action":"shell","status":"success",\
            "outcome":"<a; touch pwned1 $(touch pwned2) `touch pwned3` \\"q\\" 's' | touch pwned4 & touch pwned5\\nnewline > pwned6>",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":4,"id":"piped","action":"shell","status":"success",\
            "outcome":"a; touch pwned1 $(touch pwned2) `touch pwned3` \\"q\\" 's' | touch pwned4 & touch pwned5\\nnewline > pwned6",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":5,"id":"listed","action":"shell","status":"success",\
            "outcome":"a; touch pwned1 $(touch pwned2) `touch pwned3` \\"q\\" 's' | touch pwned4 & touch pwned5\\nnewline > pwned6",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """) { _, folder in
            let left = try FileSystem.contents(of: folder.path)
            #expect(left.filter { $0.hasPrefix("pwned") }.isEmpty, "files: \(left)")
        }
    }

    @Test("a timeout fails the step and says so")
    func timeout() throws {
        try run("timeout.yaml", ["--json"], status: 1, stdout: """
            {"procedure":"timeout","file":"timeout.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"slow","action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":143,\
            "error":"timed out after 300ms","attempts":1}],"outputs":{}}

            """)
    }

    @Test("retries try again until the step succeeds")
    func retries() throws {
        try run("retries.yaml", ["--json"], stdout: """
            {"procedure":"retries","file":"retries.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"eventually","action":"shell","status":"success","outcome":"","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":3}],"outputs":{}}

            """) { output, folder in
            let attempts = try folder.read("attempts")
            #expect(attempts == "3\n")
        }
    }

    @Test("write_file writes and appends; later steps read the file")
    func writeAndRead() throws {
        try run("write-and-read.yaml", stdout: """
            ▶ write_and_read (write-and-read.yaml, 4 steps)
              1/4 ✓ write_file  write   <duration>
              2/4 ✓ write_file  append  <duration>
              3/4 ✓ shell       read    <duration>
              4/4 ✓ sleep       #4      <duration>
            ✓ write_and_read succeeded in <duration>: 4 succeeded

            """) { _, folder in
            let written = try folder.read("out/report.txt")
            #expect(written == "line write_and_read\nsecond\n")
        }
    }

    @Test("a null input a step needs refuses the run before step 1 (exit 2), in --json an error document")
    func nullInput() throws {
        try run("null-input.yaml", ["--json"], status: 2, stdout: """
            {"procedure":"null_input","file":"null-input.yaml","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"null-input.yaml:8:38: 'inputs.optional' is null: input 'optional' was given no value and has no default; \
            give it with --set optional=VALUE, or give it a default, or write 'inputs.optional | default(...)' \
            (null-input.yaml:3:3: input 'optional' is declared here)",\
            "diagnostics":[{"file":"null-input.yaml","line":8,"column":38,"severity":"error","id":"invalid-input",\
            "message":"'inputs.optional' is null: input 'optional' was given no value and has no default; \
            give it with --set optional=VALUE, or give it a default, or write 'inputs.optional | default(...)'",\
            "notes":[{"file":"null-input.yaml","line":3,"column":3,"message":"input 'optional' is declared here"}]}],\
            "steps":[],"outputs":{}}

            """, stderr: """
            null-input.yaml:8:38: error: 'inputs.optional' is null: input 'optional' was given no value and has no default; \
            give it with --set optional=VALUE, or give it a default, or write 'inputs.optional | default(...)'
                parameters: {message: "value: {{ inputs.optional }}"}
                                                 ^
            null-input.yaml:3:3: note: input 'optional' is declared here
              optional: {type: string}
              ^

            """) { output, folder in
            #expect(!folder.exists("started"))
        }
        // Given a value, it runs.
        try run("null-input.yaml", ["--set", "optional=x", "--no-learn", "-q"]) { _, folder in
            #expect(folder.exists("started"))
        }
    }

    @Test("--set values are read as the input's type; every bad one is reported with exit 2")
    func typedInputs() throws {
        try run("typed-inputs.yaml", ["--set", "replicas=3", "--set", "hosts=x,y", "--set", "ratio=1.5"], stdout: """
            ▶ typed_inputs (typed-inputs.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  3 1.5 true x,y safe
            ✓ typed_inputs succeeded in <duration>: 1 succeeded

            """)
        try run("typed-inputs.yaml", ["--set", "replicas=three", "--set", "mode=slow", "--set", "enabled=yes", "--set", "colour=red"], status: 2, stderr: """
            error: --set replicas: expected an integer for input 'replicas', found 'three'
            typed-inputs.yaml:3:3: note: input 'replicas' is declared here
              replicas: {type: integer, required: true}
              ^
            error: --set enabled: expected true or false for input 'enabled', found 'yes'
            typed-inputs.yaml:5:3: note: input 'enabled' is declared here
              enabled: {type: boolean, default: true}
              ^
            error: --set colour: procedure 'typed_inputs' has no input 'colour'
            error: input 'mode' must be one of fast, safe, found 'slow'
            typed-inputs.yaml:7:3: note: input 'mode' is declared here
              mode: {type: string, allowed: [fast, safe], default: safe}
              ^

            """) {
            output, _ in
        }
    }

    @Test("values given as JSON (--inputs, as agents give them) are spoken of in JSON's terms; --set keeps the command line's")
    func jsonInputs() throws {
        try run("typed-inputs.yaml", ["--set", "mode=slow"], status: 2, stderr: """
            error: missing required input 'replicas'; give it with --set replicas=VALUE
            typed-inputs.yaml:3:3: note: input 'replicas' is declared here
              replicas: {type: integer, required: true}
              ^
            error: input 'mode' must be one of fast, safe, found 'slow'
            typed-inputs.yaml:7:3: note: input 'mode' is declared here
              mode: {type: string, allowed: [fast, safe], default: safe}
              ^

            """) { _, folder in
            try ProcrunBinary.expect(
                ["typed-inputs.yaml", "--inputs", "-"], in: folder.path, input: #"{"mode": "slow", "enabled": "yes", "hosts": {"a": 1}}"#, status: 2,
                stderr: """
                    error: input 'enabled' must be a boolean, found "yes"
                    typed-inputs.yaml:5:3: note: input 'enabled' is declared here
                      enabled: {type: boolean, default: true}
                      ^
                    error: input 'hosts' must be an array of strings, found {"a":1}
                    typed-inputs.yaml:6:3: note: input 'hosts' is declared here
                      hosts: {type: list, default: [a, b]}
                      ^
                    error: input 'replicas' is required: an integer
                    typed-inputs.yaml:3:3: note: input 'replicas' is declared here
                      replicas: {type: integer, required: true}
                      ^
                    error: input 'mode' must be one of "fast", "safe", found "slow"
                    typed-inputs.yaml:7:3: note: input 'mode' is declared here
                      mode: {type: string, allowed: [fast, safe], default: safe}
                      ^

                    """)
        }
    }

    @Test("--adapt overrides one action's parameter in every step that uses it")
    func adapt() throws {
        try run("basics.yaml", ["--json", "--adapt", "greet.punctuation=?"], status: 1, stdout: """
            {"procedure":"basics","file":"basics.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"greet","action":"greet","status":"success","outcome":"Hello, world?","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1,"outputs":{"word":"world?"}},{"step":2,"id":"shout","action":"log","status":"skipped",\
            "outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":3,"id":"total","action":"set","status":"success",\
            "outcome":"","duration_ms":<ms>,"error":null,"attempts":1},{"step":4,"id":null,"action":"assert","status":"success",\
            "outcome":"true","duration_ms":<ms>,"error":null,"attempts":1},{"step":5,"id":"list","action":"shell","status":"failed",\
            "outcome":"count=2|world?","duration_ms":<ms>,"exit_code":0,\
            "error":"expected the outcome to equal 'count=2|world!'; it was 'count=2|world?'","attempts":1}],"outputs":{}}

            """)
        try run("basics.yaml", ["--adapt", "greet.volume=11"], status: 2, stderr: """
            error: --adapt greet.volume: unknown parameter 'volume' for action 'greet'
            error: --adapt greet.volume: no step uses action 'greet'

            """)
    }

    @Test("values starting with a combining mark, CRLF output and invalid UTF-8 on the command line")
    func inputEdges() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        try folder.write("edges.yaml", """
            name: edges
            inputs:
              value: {type: string, default: ""}
            steps:
              - id: said
                action: log
                parameters: {message: "{{ inputs.value }}"}
              - id: crlf
                action: shell
                parameters: {command: "printf 'a\\r\\n'"}
                expect: {equals: a}
              - action: log
                parameters: {message: "[{{ steps.crlf.stdout }}]"}
            """)
        for mark in ["\u{301}", "\u{200D}", "\u{FE0F}"] {
            func report(said: String, logged: String) -> String {
                """
                {"procedure":"edges","file":"edges.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":"said",\
                "action":"log","status":"success","outcome":"\(said)","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":"crlf",\
                "action":"shell","status":"success","outcome":"a","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":3,\
                "id":null,"action":"log","status":"success","outcome":"\(logged)","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

                """
            }
            try ProcrunBinary.expect(
                ["edges.yaml", "--json", "--no-learn", "--set", "value=\(mark)x"], in: folder.path, stdout: report(said: "\(mark)x", logged: "[a]"),
                normalizing: [.durationFields])
            try ProcrunBinary.expect(
                ["edges.yaml", "--json", "--no-learn", "--adapt", "log.message=\(mark)"], in: folder.path, stdout: report(said: mark, logged: mark),
                normalizing: [.durationFields])
        }
        // Swift would read the byte 0xFF as U+FFFD: procrun refuses the argument instead.
        let script = #""$1" edges.yaml --no-learn --set "value=a$(printf '\377')b""#
        let invalid = try ProcessRunner.run(ProcessSpec(arguments: ["sh", "-c", script, "sh", ProcrunBinary.path], workingDirectory: folder.path))
        ProcrunBinary.Output(status: invalid.exitCode, stdout: invalid.stdout.text, stderr: invalid.stderr.text)
            .expect(status: 2, stderr: "error: expected UTF-8 in argument 'value=a\\xFFb', found byte 0xFF\n")
    }

    @Test("--dry-run shows each command with templates resolved and runs nothing")
    func dryRun() throws {
        try run("write-and-read.yaml", ["--dry-run"], stdout: """
            ▶ write_and_read (write-and-read.yaml, 4 steps)
              1/4 ✓ write_file  write   (dry run)
                  write 20 bytes to out/report.txt
              2/4 ✓ write_file  append  (dry run)
                  append 7 bytes to out/report.txt
              3/4 ✓ shell       read    (dry run)
                  $ cat out/report.txt
              4/4 ✓ sleep       #4      (dry run)
                  sleep 10ms
            ✓ write_and_read dry run, nothing ran: 4 would run

            """) { _, folder in
            #expect(!folder.exists("out"))
        }
        try run("failing.yaml", ["--dry-run"], stdout: """
            ▶ failing (failing.yaml, 3 steps)
              1/3 ✓ shell  first   (dry run)
                  $ echo one
              2/3 ✓ shell  broken  (dry run)
                  $ sh -c 'echo to stderr >&2; exit 3'
              3/3 ✓ shell  never   (dry run)
                  $ touch never-ran
            ✓ failing dry run, nothing ran: 3 would run

            """) { _, folder in
            #expect(!folder.exists("never-ran"))
        }
    }

    @Test("--quiet prints nothing on success and only errors on failure")
    func quiet() throws {
        try run("basics.yaml", ["--quiet"])
        try run("failing.yaml", ["--quiet"], status: 1, stderr: "failing.yaml: step 2 (broken) failed: expected exit code 0, got 3: to stderr\n")
    }

    @Test("procrun FILE is procrun run FILE, and check accepts a valid file")
    func defaultSubcommandAndCheck() throws {
        try run("basics.yaml", ["--quiet"]) { _, folder in
            try ProcrunBinary.expect(["check", "basics.yaml"], in: folder.path, stdout: "ok: basics.yaml: 'basics', 5 steps\n")
            try ProcrunBinary.expect(["run", "basics.yaml", "--quiet"], in: folder.path)
            try ProcrunBinary.expect(["--quiet", "basics.yaml"], in: folder.path)
            // procrun alone, with no default procedure in a procrun.yaml: the list.
            try ProcrunBinary.expect([], in: folder.path, stdout: """
                NAME    DESCRIPTION                                              TAGS  FILE
                basics  inputs, outputs, conditions, variables and expectations        basics.yaml

                """)
        }
        try ProcrunBinary.expect(["--version"], stdout: "0.1.0\n")
        try ProcrunBinary.expect(["--help"], stdout: """
            OVERVIEW: Run procedures: named, checked sequences of steps written as YAML,
            that learn from every run.

            procrun NAME (a procedure's name or file) is procrun run NAME; procrun alone
            runs procrun.yaml's default procedure, else lists the procedures. The language
            is described in grammar.md.

            Examples:
              # run procrun.yaml's default procedure, else list the library
              procrun
              # run the procedure named hello, with an input
              procrun hello --set name=Ada
              # run two procedures in order, the second even if the first fails
              procrun hello deploy_backend --keep-going
              # check every procedure of the library without running anything
              procrun check
              # the options of a command
              procrun help run

            USAGE: procrun <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              run                     Run a procedure (the default: procrun NAME is procrun
                                      run NAME).
              check                   Check procedure files without running them; report
                                      every problem.
              list                    List the procedures of the library: name,
                                      description, tags, file.
              show                    Print a procedure: inputs, outputs, steps with the
                                      commands they run, and its call tree.
              graph                   Print a procedure's call graph as Mermaid or DOT.
              stats                   Show the recorded runs of procedures; for one
                                      procedure, its steps with failing and slow ones
                                      marked.
              history                 Show a procedure's runs along its git history: each
                                      commit that added runs, with their success rate and
                                      duration.
              report                  Report a library's health from its git history:
                                      trends, flaky and slow steps, procedures not run.
              optimize                Propose removing steps that fail more often than they
                                      succeed (needs 3 recorded runs); print the change as
                                      a diff.
              record                  Record a procedure from commands typed at a prompt,
                                      or from an agent's action log.
              find                    Find the procedures that best fit a task, by
                                      relevance and success record.
              similar                 List groups of near-duplicate procedures, judged by
                                      their steps, and the one to keep.
              merge                   Mark procedures as superseded by the one kept (or
                                      archive them); nothing is deleted.
              merge-driver            Git merge driver for procedure files: sums the stats
                                      of both branches, merges the rest like git.
              git-setup               Set up a git repository for its procedure library
                                      (merge driver, .gitattributes, .gitignore).
              review                  Summarize what a change does to a library's
                                      procedures: authored changes and what their record
                                      says now.
              resolve                 After a merge left conflicts in procedure files,
                                      merge their stats as the merge driver would.
              mcp                     Serve the library over MCP on standard input and
                                      output (see grammar.md, MCP).
              export                  Export the library as Agent Skills: one folder per
                                      procedure with a SKILL.md.
              schema                  Print the JSON Schema of procedure files (procedure,
                                      the default), of procrun.yaml (library) or of show
                                      --json (show).
              new                     Start a new procedure: write a checked skeleton
                                      NAME.yaml into the library (never over an existing
                                      one).
              completion              Print the shell completion script for bash, zsh or
                                      fish.

              See 'procrun help <subcommand>' for detailed help.

            """)
    }

    @Test("command-line mistakes exit 2")
    func commandLineMistakes() throws {
        try run("basics.yaml", ["--set", "noequals"], status: 2, stderr: "error: --set 'noequals': expected NAME=VALUE\n")
        try ProcrunBinary.expect(["no-such-file.yaml"], status: 2, stderr: "error: cannot read 'no-such-file.yaml': no such file or directory\n")
        try ProcrunBinary.expect(["run", "x.yaml", "--frobnicate"], status: 2, stderr: """
            Error: Unknown option '--frobnicate'
            Usage: procrun run [<options>] <file> ...
              See 'procrun run --help' for more information.

            """)
    }
}
