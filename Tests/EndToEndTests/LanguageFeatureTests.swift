import ProcrunKit
import Testing

/// The language features of issue 17: `finally` steps, procedure-wide `env` and `dotenv`, the
/// `from_json` filter and prompting for missing inputs, each run through the built binary.
@Suite("language features", .serialized)
struct LanguageFeatureTests {
    /// Runs a fixture of `Fixtures/language` (with `extra` files) in a fresh folder, compares its
    /// status and both streams whole with what is stated (durations normalised), and hands the
    /// output and the folder to `inspect` before the folder is removed.
    func run(
        _ fixture: String, _ arguments: [String] = [], extra: [String] = [], environment: [(String, String)] = [], status: Int32 = 0,
        stdout: String = "", stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation,
        inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void = { _, _ in }
    ) throws {
        try runVarying(fixture, arguments, extra: extra, environment: environment) { output, folder in
            output.expect(status: status, stdout: stdout, stderr: stderr, normalizing: [.durations, .durationFields, .temporaryFolders], sourceLocation: sourceLocation)
            try inspect(output, folder)
        }
    }

    /// Runs a fixture as ``run(_:_:extra:environment:status:stdout:stderr:sourceLocation:inspect:)``
    /// does, for output that varies from run to run: `inspect` checks what is deterministic.
    func runVarying(
        _ fixture: String, _ arguments: [String] = [], extra: [String] = [], environment: [(String, String)] = [],
        inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for file in [fixture] + extra { _ = try folder.copy(ProcrunBinary.fixtures + "/language/" + file) }
        try inspect(try ProcrunBinary.run([fixture] + arguments, in: folder.path, environment: environment), folder)
    }

    @Test("finally steps run after a failure, read run.status and the steps' results, and do not hide the first failure")
    func finallyAfterFailure() throws {
        try run("finally-failure.yaml", status: 1, stdout: """
            ▶ finally_failure (finally-failure.yaml, 5 steps)
              1/5 ✗ shell  build    <duration>
                  error: expected exit code 0, got 3
                  │ building
              finally
              3/5 ✓ shell  cleanup  <duration>
              4/5 ✗ shell  notify   <duration>
                  error: expected exit code 0, got 4
              5/5 ✓ log    #5       <duration>
                  cleaned up: success
            ✗ finally_failure failed in <duration>: 2 succeeded, 2 failed, 1 not run; first failure: step 1 (build)

            """) { output, folder in
            #expect(try folder.read("cleanup.txt") == "run failed at build; build failed (3); publish not_run\n")
            WholeText.expect(try folder.statsBlock("finally-failure.yaml"), equals: """
                stats:
                  execution_count: 1
                  successes: 0
                  failures: 1
                  success_rate: 0.000
                  total_duration_ms: <ms>
                  avg_duration_ms: <ms>
                  last_executed: "<time>"  # run <run>
                  steps:
                    build: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "expected exit code 0, got 3"}
                    cleanup: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    notify: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "expected exit code 0, got 4"}
                    log#3414219c: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

                """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
            // An unnamed finally step is keyed by its fingerprint, like any other.
        }
    }

    @Test("the JSON report lists finally steps after the others, marked finally")
    func finallyInJSON() throws {
        try run("finally-failure.yaml", ["--json"], status: 1, stdout: """
            {"procedure":"finally_failure","file":"finally-failure.yaml","success":false,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"build","action":"shell","status":"failed","outcome":"building","duration_ms":<ms>,\
            "exit_code":3,"error":"expected exit code 0, got 3","attempts":1},{"step":3,"id":"cleanup","action":"shell",\
            "status":"success","outcome":"","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1,"finally":true},{"step":4,\
            "id":"notify","action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":4,\
            "error":"expected exit code 0, got 4","attempts":1,"finally":true},{"step":5,"id":null,"action":"log",\
            "status":"success","outcome":"cleaned up: success","duration_ms":<ms>,"error":null,"attempts":1,"finally":true}],\
            "outputs":{}}

            """)
    }

    @Test("a finally step runs after a step's timeout")
    func finallyAfterTimeout() throws {
        try run("finally-timeout.yaml", status: 1, stdout: """
            ▶ finally_timeout (finally-timeout.yaml, 2 steps)
              1/2 ✗ shell       slow     <duration>
                  error: timed out after 300ms
              finally
              2/2 ✓ write_file  cleanup  <duration>
            ✗ finally_timeout failed in <duration>: 1 succeeded, 1 failed; first failure: step 1 (slow)

            """) { _, folder in
            let cleanup = try folder.read("cleanup.txt")
            #expect(cleanup == "failed: failed")
        }
    }

    @Test("a finally step runs after success with run.status success")
    func finallyAfterSuccess() throws {
        try run("finally-success.yaml", stdout: """
            ▶ finally_success (finally-success.yaml, 2 steps)
              1/2 ✓ shell  work  <duration>
              finally
              2/2 ✓ log    #2    <duration>
                  run success, work said done
            ✓ finally_success succeeded in <duration>: 2 succeeded

            """)
    }

    @Test(
        "finally steps run after Ctrl-C (exit 130) and after a closed terminal, SIGHUP (exit 129), within the grace",
        arguments: [("INT", Int32(130)), ("HUP", Int32(129))])
    func finallyAfterInterrupt(signal: String, status: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/finally-interrupt.yaml")
        var spec = ProcessSpec(arguments: ["/bin/sh", "-c", "\"$0\" finally-interrupt.yaml & pid=$!; while [ ! -e started ]; do sleep 0.05; done; kill -\(signal) $pid; wait $pid", ProcrunBinary.path])
        spec.workingDirectory = folder.path
        spec.timeout = .seconds(60)
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == status)
        #expect(try folder.read("cleanup.txt") == "interrupted\n")
    }

    @Test("a misspelled finally, a misspelled key in a finally step, a duplicate id and run outside finally are errors before the run")
    func finallyChecks() throws {
        try run("finally-broken.yaml", status: 2, stderr: """
            finally-broken.yaml:3:52: error: undefined name 'run'; 'run' is readable only in 'finally' steps
              - {id: a, action: log, parameters: {message: "{{ run.status }}"}}
                                                               ^
            finally-broken.yaml:5:10: error: duplicate step id 'a' (first used at line 3, column 10)
              - {id: a, action: log, parameters: {message: "{{ run.statsu }}"}}
                     ^
            finally-broken.yaml:5:52: error: undefined name 'run.statsu'; did you mean 'run.status'?
              - {id: a, action: log, parameters: {message: "{{ run.statsu }}"}}
                                                               ^
            finally-broken.yaml:6:6: error: unknown key 'acton' in finally step 2; did you mean 'action'?
              - {acton: log}
                 ^
            finally-broken.yaml:7:1: error: unknown key 'finaly' in the procedure; did you mean 'finally'?
            finaly: []
            ^

            """)
    }

    /// Runs `procrun ARGUMENTS` in a copy of `Fixtures/language/env`, compares its status and both
    /// streams whole with what is stated (durations normalised), and hands the output and the
    /// folder to `inspect` before the folder is removed.
    func inEnvFolder(
        _ arguments: [String], environment: [(String, String)] = [], status: Int32 = 0, stdout: String = "", stderr: String = "",
        sourceLocation: Testing.SourceLocation = #_sourceLocation, inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void = { _, _ in }
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = ProcrunBinary.fixtures + "/language/env"
        for name in [
            "procrun.yaml", "env-dotenv.yaml", ".env", "secrets.env", "dotenv-missing.yaml", "dotenv-invalid.yaml", "dotenv-outside.yaml", "invalid.env", "dotenv-secret-invalid.yaml",
            "secret-invalid.env", "env-data.yaml",
        ] {
            _ = try folder.copy(source + "/" + name)
        }
        let output = try ProcrunBinary.run(arguments, in: folder.path, environment: environment)
        output.expect(status: status, stdout: stdout, stderr: stderr, normalizing: [.durations, .durationFields], sourceLocation: sourceLocation)
        try inspect(output, folder)
    }

    @Test("env and dotenv: the step's env wins, then the procedure's, its .env files, the library's, the process's; a secret .env value is never shown")
    func environmentLayers() throws {
        try inEnvFolder(["env-dotenv.yaml", "--json"], environment: [("SHARED", "process"), ("LIB_ONLY", "process")], stdout: """
            {"procedure":"env_dotenv","file":"env-dotenv.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"show","action":"shell","status":"success",\
            "outcome":"lib from-procedure-test step dotenv value procedure a \\"quoted\\" value","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"token","action":"shell","status":"success","outcome":"token=***",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":3,"id":null,"action":"log","status":"success",\
            "outcome":"template sees from-procedure-test and dotenv value; token ***","duration_ms":<ms>,"error":null,\
            "attempts":1}],"outputs":{}}

            """) { _, folder in
            let file = try folder.read("env-dotenv.yaml")
            #expect(!file.contains("s3cr3t"), "the secret reached the file:\n\(file)")
        }
    }

    @Test("a missing .env file, a bad .env line and a .env path leaving the library are errors at their place, before the run")
    func dotenvErrors() throws {
        try inEnvFolder(
            ["check", "dotenv-missing.yaml", "dotenv-invalid.yaml", "dotenv-outside.yaml"], status: 2,
            stderr: """
                    dotenv-missing.yaml:2:16: error: the .env file 'nowhere.env' does not exist (looked for nowhere.env); mark it 'optional: true' if it may be missing
                    dotenv: [.env, nowhere.env]
                                   ^
                    dotenv-missing.yaml:5:31: error: undefined name 'env.NOT_DECLARED'; the variable is not set (add '| default("")' to allow that)
                        parameters: {message: "{{ env.NOT_DECLARED }}"}
                                                  ^
                    dotenv-invalid.yaml:2:29: error: unknown key 'secrte' in 'dotenv'; did you mean 'secret'?
                    dotenv: {path: invalid.env, secrte: true}
                                                ^
                    invalid.env:2:5: error: expected '=' after 'BAD' in a .env line, found 'L'
                    BAD LINE
                        ^
                    dotenv-outside.yaml:3:5: error: the .env file '../outside.env' is outside the library folder '.'; keep it inside, or write it as {path: ..., outside_library: true}
                      - ../outside.env
                        ^
                    5 problems found in 3 files

                    """)
    }

    @Test("a bad line in a secret .env file is reported at its line without quoting the file; no env can replace a shell command's data")
    func environmentSafety() throws {
        try inEnvFolder(
            ["check", "dotenv-secret-invalid.yaml"], status: 2,
            stderr: """
                secret-invalid.env: error: line 2, column 1: expected a variable name (letters, digits and '_', not starting with a digit) at the start of a .env line
                1 problem found in 1 file

                """)
        try inEnvFolder(["env-data.yaml", "--json"], stdout: """
            {"procedure":"env_data","file":"env-data.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":null,"action":"shell","status":"success","outcome":"hello alice; touch canary","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """) { _, folder in
            #expect(!folder.exists("canary"))
        }
    }

    @Test("from_json parses a step's output for later templates, directly and through set; to_json writes JSON; a parse error fails the step at its position")
    func fromJSON() throws {
        try run("from-json.yaml", ["--json"], status: 1, stdout: """
            {"procedure":"from_json","file":"from-json.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"api","action":"shell","status":"success","outcome":"{\\"items\\": [{\\"name\\": \\"a; touch canary\\"},\
             {\\"name\\": \\"b\\"}], \\"count\\": 2}","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":2,\
            "id":null,"action":"set","status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1},{"step":3,\
            "id":"use","action":"shell","status":"success","outcome":"first=a; touch canary count=2 second=b","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1},{"step":4,"id":null,"action":"log","status":"success",\
            "outcome":"[{\\"name\\":\\"a; touch canary\\"},{\\"name\\":\\"b\\"}] none","duration_ms":<ms>,"error":null,\
            "attempts":1},{"step":5,"id":"bad","action":"shell","status":"success","outcome":"{\\"unclosed\\": 1",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":6,"id":null,"action":"log","status":"failed",\
            "outcome":"","duration_ms":<ms>,"error":"from-json.yaml:17:50: filter 'from_json' expects JSON text: expected ',\
            ' or '}', found the end of the line at column 15 of \\"{\\\\\\"unclosed\\\\\\": 1\\"","attempts":1}],"outputs":{}}

            """) { output, folder in
            #expect(!folder.exists("canary"))
            // The error quotes the text it could not read; the stats block keeps procrun's words only.
            WholeText.expect(try folder.statsBlock("from-json.yaml"), equals: """
                stats:
                  execution_count: 1
                  successes: 0
                  failures: 1
                  success_rate: 0.000
                  total_duration_ms: <ms>
                  avg_duration_ms: <ms>
                  last_executed: "<time>"  # run <run>
                  steps:
                    api: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    set#f55ec11c: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    use: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    log#4e1ef71d: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    bad: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    log#4a26328f: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "from-json.yaml:17:50: filter 'from_json' expects JSON text: expected ',' or '}', found the end of the line at column 15"}

                """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
        }
    }

    @Test("from_json's operand type, member access on a string and a misspelled filter are errors before the run")
    func fromJSONChecks() throws {
        try run("from-json-broken.yaml", status: 2, stderr: """
            from-json-broken.yaml:9:53: error: filter 'from_json' expects a string, found an integer
                parameters: {message: "{{ steps.api.exit_code | from_json }} {{ (inputs.name).field }} {{ steps.api.stdout | from_jsn }}"}
                                                                ^
            from-json-broken.yaml:9:69: error: '(inputs.name)' is a string; it has no field 'field'
                parameters: {message: "{{ steps.api.exit_code | from_json }} {{ (inputs.name).field }} {{ steps.api.stdout | from_jsn }}"}
                                                                                ^
            from-json-broken.yaml:9:114: error: unknown filter 'from_jsn'; did you mean 'from_json'?
                parameters: {message: "{{ steps.api.exit_code | from_json }} {{ (inputs.name).field }} {{ steps.api.stdout | from_jsn }}"}
                                                                                                                             ^

            """)
    }

    /// Runs procrun on a pseudo-terminal through `pty-drive.py` beside a copy of `fixture`, typing
    /// each answer after its prompt.
    func onTerminal(_ answers: [(prompt: String, answer: String)], _ arguments: [String], fixture: String = "prompt.yaml") throws -> ProcrunBinary.Output {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/" + fixture)
        let driver = ProcrunBinary.fixtures + "/language/pty-drive.py"
        var spec = ProcessSpec(arguments: ["python3", driver, ProcrunBinary.path] + answers.map { "\($0.prompt)=\($0.answer)" } + ["--"] + arguments)
        spec.workingDirectory = folder.path
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)
        return ProcrunBinary.Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text)
    }

    @Test("on a terminal, required inputs without a value are asked for, a secret one without echo")
    func promptOnTerminal() throws {
        let output = try onTerminal([("who (who to greet): ", "Ada"), ("token: ", "s3cret-value")], ["prompt.yaml", "--no-learn"])
        // A terminal's live line is rewritten as the step runs: what is checked is what does not depend on time.
        #expect(output.status == 0, "driver: \(output.stderr)")
        #expect(output.stdout.hasPrefix("who (who to greet): Ada\ntoken: \n▶ prompt (prompt.yaml, 1 step)\n"))
        #expect(output.stdout.contains("      hello Ada, a token of 12 characters\n"))
        #expect(!output.stdout.contains("s3cret"))
        #expect(output.stdout.hasSuffix("exit 0\n"))
    }

    @Test("with --json, or when standard input is not a terminal, nothing is asked and the missing input is an error")
    func noPromptWithoutTerminal() throws {
        let json = try onTerminal([], ["prompt.yaml", "--json"])
        json.expect(stdout: """
            error: missing required input 'who'; give it with --set who=VALUE
            prompt.yaml:3:3: note: input 'who' is declared here
              who: {type: string, required: true, description: who to greet}
              ^
            error: missing required input 'token'; give it with --set token=VALUE
            prompt.yaml:4:3: note: input 'token' is declared here
              token: {type: string, required: true, secret: true}
              ^
            {"procedure":"prompt","file":"prompt.yaml","success":false,"duration_ms":0,"learned":false,\
            "error":"missing required input 'who'; give it with --set who=VALUE (prompt.yaml:3:3: input 'who' is declared here)",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-input",\
            "message":"missing required input 'who'; give it with --set who=VALUE",\
            "notes":[{"file":"prompt.yaml","line":3,"column":3,"message":"input 'who' is declared here"}]},\
            {"file":null,"line":null,"column":null,"severity":"error","id":"invalid-input",\
            "message":"missing required input 'token'; give it with --set token=VALUE",\
            "notes":[{"file":"prompt.yaml","line":4,"column":3,"message":"input 'token' is declared here"}]}],\
            "steps":[],"outputs":{}}
            exit 2

            """)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/prompt.yaml")
        try ProcrunBinary.expect(["prompt.yaml"], in: folder.path, input: "Ada\n", status: 2, stderr: """
            error: missing required input 'who'; give it with --set who=VALUE
            prompt.yaml:3:3: note: input 'who' is declared here
              who: {type: string, required: true, description: who to greet}
              ^
            error: missing required input 'token'; give it with --set token=VALUE
            prompt.yaml:4:3: note: input 'token' is declared here
              token: {type: string, required: true, secret: true}
              ^

            """)
    }

    @Test("show lists finally steps after the others, in text and JSON")
    func showFinally() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/finally-failure.yaml")
        try ProcrunBinary.expect(["show", "finally-failure.yaml"], in: folder.path, stdout: """
            finally_failure (finally-failure.yaml)
              a failed step, then cleanup that always runs and reads how the run went

            steps:
              1  build    shell
                  $ echo building; exit 3
              2  publish  log

            finally:
              3  cleanup  shell
                  $ echo 'run {{ run.status }} at {{ run.failed_step }}; build {{ steps.build.status }} ({{ steps.build.exit_code }}); publish {{ steps.publish.status }}' > cleanup.txt
              4  notify   shell
                  $ exit 4
              5  #5       log

            call tree:
            finally_failure
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["show", "finally-failure.yaml", "--json"], in: folder.path, stdout: """
            {"name":"finally_failure","file":"finally-failure.yaml","aliases":[],\
            "description":"a failed step, then cleanup that always runs and reads how the run went","tags":[],"version":1,\
            "internal":false,"superseded_by":null,"superseded_reason":"","inputs":[],"outputs":[],"env":[],"dotenv":[],"cwd":null,"shell":null,"vars":[],\
            "needs":[],"precondition":[],"up_to_date":null,"steps":[{"step":1,"id":"build","name":"build","key":"build","action":"shell",\
            "parameters":{"command":"echo building; exit 3"},"command":"$ echo building; exit 3","calls":null,"when":null,\
            "for_each":null,"as":null,"matrix":null,"parallel":null,"group":null,"expect":{"exit_code":null,"status":null,"contains":[],\
            "not_contains":[],"matches":null,"equals":null,"stderr_contains":[]},"timeout_ms":null,"retries":{"count":0,\
            "delay_ms":1000,"backoff":1.0},"on_failure":"abort","outputs":[],"notes":"","keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":false},\
            {"step":2,"id":"publish","name":"publish","key":"publish","action":"log","parameters":{"message":"never printed"},\
            "command":null,"calls":null,"when":null,"for_each":null,"as":null,"matrix":null,"parallel":null,"group":null,\
            "expect":{"exit_code":null,"status":null,"contains":[],"not_contains":[],"matches":null,"equals":null,\
            "stderr_contains":[]},"timeout_ms":null,"retries":{"count":0,"delay_ms":1000,"backoff":1.0},"on_failure":"abort",\
            "outputs":[],"notes":"","keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":false},{"step":3,"id":"cleanup","name":"cleanup",\
            "key":"cleanup","action":"shell",\
            "parameters":{"command":"echo 'run {{ run.status }} at {{ run.failed_step }}; build {{ steps.build.status }} ({{ steps.build.exit_code }}); publish {{ steps.publish.status }}' > cleanup.txt"},\
            "command":"$ echo 'run {{ run.status }} at {{ run.failed_step }}; build {{ steps.build.status }} ({{ steps.build.exit_code }}); publish {{ steps.publish.status }}' > cleanup.txt",\
            "calls":null,"when":null,"for_each":null,"as":null,"matrix":null,"parallel":null,"group":null,"expect":{"exit_code":null,\
            "status":null,"contains":[],"not_contains":[],"matches":null,"equals":null,"stderr_contains":[]},"timeout_ms":null,\
            "retries":{"count":0,"delay_ms":1000,"backoff":1.0},"on_failure":"abort","outputs":[],"notes":"",\
            "keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":true},{"step":4,"id":"notify","name":"notify","key":"notify","action":"shell",\
            "parameters":{"command":"exit 4"},"command":"$ exit 4","calls":null,"when":null,"for_each":null,"as":null,"matrix":null,\
            "parallel":null,"group":null,"expect":{"exit_code":null,"status":null,"contains":[],"not_contains":[],"matches":null,\
            "equals":null,"stderr_contains":[]},"timeout_ms":null,"retries":{"count":0,"delay_ms":1000,"backoff":1.0},\
            "on_failure":"continue","outputs":[],"notes":"","keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":true},{"step":5,"id":null,"name":"#5",\
            "key":"log#3414219c","action":"log","parameters":{"message":"cleaned up: {{ steps.cleanup.status }}"},"command":null,\
            "calls":null,"when":null,"for_each":null,"as":null,"matrix":null,"parallel":null,"group":null,"expect":{"exit_code":null,\
            "status":null,"contains":[],"not_contains":[],"matches":null,"equals":null,"stderr_contains":[]},"timeout_ms":null,\
            "retries":{"count":0,"delay_ms":1000,"backoff":1.0},"on_failure":"abort","outputs":[],"notes":"",\
            "keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":true}],"stats":{"execution_count":0,"successes":0,"failures":0,"success_rate":0.000,\
            "total_duration_ms":0,"avg_duration_ms":0,"last_executed":null,"steps":[]},"call_tree":[],"warnings":[]}

            """)
    }
}
