import Foundation
import ProcrunKit
import Testing

/// The language features of issue 17: `finally` steps, procedure-wide `env` and `dotenv`, the
/// `from_json` filter and prompting for missing inputs, each run through the built binary.
@Suite("language features", .serialized)
struct LanguageFeatureTests {
    /// Runs a fixture of `Fixtures/language` (with `extra` files) in a fresh folder and hands the
    /// folder to `inspect` before it is removed.
    func run(
        _ fixture: String, _ arguments: [String] = [], extra: [String] = [], environment: [(String, String)] = [],
        inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for file in [fixture] + extra { _ = try folder.copy(ProcrunBinary.fixtures + "/language/" + file) }
        let output = try ProcrunBinary.run([fixture] + arguments, in: folder.path, environment: environment)
        try inspect(output, folder)
    }

    /// Progress output with durations replaced by `T`.
    func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d+(\.\d+)?(ms|s)\b"#, with: "T", options: .regularExpression)
    }

    func report(_ output: ProcrunBinary.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(object as? [String: Any], "stdout was:\n\(output.stdout)")
    }

    @Test("finally steps run after a failure, read run.status and the steps' results, and do not hide the first failure")
    func finallyAfterFailure() throws {
        try run("finally-failure.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(
                normalized(output.stdout) == """
                    ▶ finally_failure (finally-failure.yaml, 5 steps)
                      1/5 … shell  build
                      1/5 ✗ shell  build    T
                          error: expected exit code 0, got 3
                          │ building
                      finally
                      3/5 … shell  cleanup
                      3/5 ✓ shell  cleanup  T
                      4/5 … shell  notify
                      4/5 ✗ shell  notify   T
                          error: expected exit code 0, got 4
                      5/5 … log    #5
                      5/5 ✓ log    #5       T
                          cleaned up: success
                    ✗ finally_failure failed in T: 2 succeeded, 2 failed, 1 not run; first failure: step 1 (build)

                    """)
            #expect(try folder.read("cleanup.txt") == "run failed at build; build failed (3); publish not_run\n")
            let file = try folder.read("finally-failure.yaml")
            #expect(file.contains("    cleanup: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: "))
            #expect(file.contains("    notify: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: "))
            // An unnamed finally step is keyed by its fingerprint, like any other.
            #expect(file.contains("    log#3414219c: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: "))
        }
    }

    @Test("the JSON report lists finally steps after the others, marked finally")
    func finallyInJSON() throws {
        try run("finally-failure.yaml", ["--json"]) { output, _ in
            #expect(output.status == 1)
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["step"] as? Int } == [1, 3, 4, 5])
            #expect(steps.map { $0["finally"] as? Bool } == [nil, true, true, true])
            #expect(steps.first?["status"] as? String == "failed")
        }
    }

    @Test("a finally step runs after a step's timeout")
    func finallyAfterTimeout() throws {
        try run("finally-timeout.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(output.stdout.contains("error: timed out after 300ms"))
            let cleanup = try folder.read("cleanup.txt")
            #expect(cleanup == "failed: failed")
        }
    }

    @Test("a finally step runs after success with run.status success")
    func finallyAfterSuccess() throws {
        try run("finally-success.yaml") { output, _ in
            #expect(output.status == 0)
            #expect(output.stdout.contains("  finally\n"))
            #expect(output.stdout.contains("      run success, work said done\n"))
        }
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
        try run("finally-broken.yaml") { output, _ in
            #expect(output.status == 2)
            let errors = output.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.sorted()
            #expect(
                errors == [
                    "finally-broken.yaml:3:52: error: undefined name 'run'; 'run' is readable only in 'finally' steps",
                    "finally-broken.yaml:5:10: error: duplicate step id 'a' (first used at line 3, column 10)",
                    "finally-broken.yaml:5:52: error: undefined name 'run.statsu'; did you mean 'run.status'?",
                    "finally-broken.yaml:6:6: error: unknown key 'acton' in finally step 2; did you mean 'action'?",
                    "finally-broken.yaml:7:1: error: unknown key 'finaly' in the procedure; did you mean 'finally'?",
                ])
        }
    }

    /// Runs `procrun ARGUMENTS` in a copy of `Fixtures/language/env`.
    func inEnvFolder(_ arguments: [String], environment: [(String, String)] = [], inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = ProcrunBinary.fixtures + "/language/env"
        for name in [
            "procrun.yaml", "env-dotenv.yaml", ".env", "secrets.env", "dotenv-missing.yaml", "dotenv-invalid.yaml", "dotenv-outside.yaml", "invalid.env", "dotenv-secret-invalid.yaml",
            "secret-invalid.env", "env-data.yaml",
        ] {
            _ = try folder.copy(source + "/" + name)
        }
        try inspect(try ProcrunBinary.run(arguments, in: folder.path, environment: environment), folder)
    }

    @Test("env and dotenv: the step's env wins, then the procedure's, its .env files, the library's, the process's; a secret .env value is never shown")
    func environmentLayers() throws {
        try inEnvFolder(["env-dotenv.yaml", "--json"], environment: [("SHARED", "process"), ("LIB_ONLY", "process")]) { output, folder in
            #expect(output.status == 0, "stderr: \(output.stderr)")
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["outcome"] as? String } == [
                #"lib from-procedure-test step dotenv value procedure a "quoted" value"#,
                "token=***",
                "template sees from-procedure-test and dotenv value; token ***",
            ])
            #expect(!output.stdout.contains("s3cr3t") && !output.stderr.contains("s3cr3t"))
            #expect(try !folder.read("env-dotenv.yaml").contains("s3cr3t"))
        }
    }

    @Test("a missing .env file, a bad .env line and a .env path leaving the library are errors at their place, before the run")
    func dotenvErrors() throws {
        try inEnvFolder(["check", "dotenv-missing.yaml", "dotenv-invalid.yaml", "dotenv-outside.yaml"]) { output, _ in
            #expect(output.status == 2)
            #expect(
                output.stderr == """
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
    }

    @Test("a bad line in a secret .env file is reported at its line without quoting the file; no env can replace a shell command's data")
    func environmentSafety() throws {
        try inEnvFolder(["check", "dotenv-secret-invalid.yaml"]) { output, _ in
            #expect(output.status == 2)
            #expect(
                output.stderr == """
                    secret-invalid.env: error: line 2, column 1: expected a variable name (letters, digits and '_', not starting with a digit) at the start of a .env line
                    1 problem found in 1 file

                    """)
        }
        try inEnvFolder(["env-data.yaml", "--json"]) { output, folder in
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            #expect(steps.first?["outcome"] as? String == "hello alice; touch canary")
            #expect(!folder.exists("canary"))
        }
    }

    @Test("from_json parses a step's output for later templates, directly and through set; to_json writes JSON; a parse error fails the step at its position")
    func fromJSON() throws {
        try run("from-json.yaml", ["--json"]) { output, folder in
            #expect(output.status == 1)
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["outcome"] as? String }[2...3] == [
                "first=a; touch canary count=2 second=b", #"[{"name":"a; touch canary"},{"name":"b"}] none"#,
            ])
            #expect(!folder.exists("canary"))
            // The error quotes the text it could not read; the stats block keeps procrun's words only.
            let stats = try folder.read("from-json.yaml").components(separatedBy: "\nstats:\n").last ?? ""
            #expect(stats.contains(#"last_error: "from-json.yaml:17:50: filter 'from_json' expects JSON text: expected ',' or '}', found the end of the line at column 15"}"#))
            #expect(!stats.contains("unclosed"))
            #expect(steps.last?["error"] as? String == #"from-json.yaml:17:50: filter 'from_json' expects JSON text: expected ',' or '}', found the end of the line at column 15 of "{\"unclosed\": 1""#)
        }
    }

    @Test("from_json's operand type, member access on a string and a misspelled filter are errors before the run")
    func fromJSONChecks() throws {
        try run("from-json-broken.yaml") { output, _ in
            #expect(output.status == 2)
            let errors = output.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors == [
                "from-json-broken.yaml:9:53: error: filter 'from_json' expects a string, found integer",
                "from-json-broken.yaml:9:69: error: '(inputs.name)' is a string; it has no field 'field'",
                "from-json-broken.yaml:9:114: error: unknown filter 'from_jsn'; did you mean 'from_json'?",
            ])
        }
    }

    /// Runs procrun on a pseudo-terminal through `pty-drive.py`, typing each answer after its prompt.
    func onTerminal(_ answers: [(prompt: String, answer: String)], _ arguments: [String]) throws -> ProcrunBinary.Output {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/prompt.yaml")
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
        #expect(output.status == 0, "driver: \(output.stderr)")
        #expect(output.stdout.hasPrefix("who (who to greet): Ada\ntoken: \n▶ prompt (prompt.yaml, 1 step)\n"))
        #expect(output.stdout.contains("      hello Ada, a token of 12 characters\n"))
        #expect(!output.stdout.contains("s3cret"))
        #expect(output.stdout.hasSuffix("exit 0\n"))
    }

    @Test("with --json, or when standard input is not a terminal, nothing is asked and the missing input is an error")
    func noPromptWithoutTerminal() throws {
        let json = try onTerminal([], ["prompt.yaml", "--json"])
        #expect(json.stdout.hasPrefix("error: missing required input 'who'; give it with --set who=VALUE\n"))
        #expect(json.stdout.hasSuffix("exit 2\n"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/prompt.yaml")
        let piped = try ProcrunBinary.run(["prompt.yaml"], in: folder.path, input: "Ada\n")
        #expect(piped.status == 2)
        #expect(!piped.stderr.contains("who (who to greet)"))
        #expect(piped.stderr.hasPrefix("error: missing required input 'who'"))
    }

    @Test("show lists finally steps after the others, in text and JSON")
    func showFinally() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/finally-failure.yaml")
        let text = try ProcrunBinary.run(["show", "finally-failure.yaml"], in: folder.path)
        #expect(
            text.stdout.contains(
                """
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

                """))
        let json = try ProcrunBinary.run(["show", "finally-failure.yaml", "--json"], in: folder.path)
        #expect(json.stdout.contains(#"{"action":"shell","finally":true,"id":"cleanup","step":3}"#))
    }
}
