import Foundation
import ProcrunKit
import Testing

/// `procrun run` on the valid fixtures: what it prints, the exit code, the JSON report, and the
/// files the steps leave behind.
@Suite("running procedures", .serialized)
struct RunFixtureTests {
    /// Runs a fixture (copied with the library's procrun.yaml into a fresh folder) and hands the
    /// folder to `inspect` before it is removed.
    func run(
        _ fixture: String, _ arguments: [String] = [], inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/valid/procrun.yaml")
        _ = try folder.copy(ProcrunBinary.fixtures + "/valid/" + fixture)
        let output = try ProcrunBinary.run([fixture] + arguments, in: folder.path)
        try inspect(output, folder)
    }

    /// The report printed by `--json`, parsed.
    func report(_ output: ProcrunBinary.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(object as? [String: Any], "stdout was:\n\(output.stdout)")
    }

    func steps(_ report: [String: Any]) -> [[String: Any]] {
        report["steps"] as? [[String: Any]] ?? []
    }

    /// Progress output with durations replaced by `T`, so it can be compared whole.
    func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d+(\.\d+)?(ms|s)\b"#, with: "T", options: .regularExpression)
    }

    @Test("a successful run prints one line per step and a summary, and exits 0")
    func basics() throws {
        try run("basics.yaml") { output, _ in
            #expect(output.status == 0)
            #expect(output.stderr.isEmpty)
            #expect(
                normalized(output.stdout) == """
                    ▶ basics (basics.yaml, 5 steps)
                      1/5 … greet   greet
                      1/5 ✓ greet   greet  T
                      2/5 - log     shout  skipped
                      3/5 … set     total
                      3/5 ✓ set     total  T
                      4/5 … assert  #4
                      4/5 ✓ assert  #4     T
                      5/5 … shell   list
                      5/5 ✓ shell   list   T
                    ✓ basics succeeded in T: 4 succeeded, 1 skipped

                    """)
        }
    }

    @Test("the JSON report carries every step, its outcome and the procedure's outputs")
    func jsonReport() throws {
        try run("basics.yaml", ["--json"]) { output, _ in
            #expect(output.status == 0)
            let json = try report(output)
            #expect(json["procedure"] as? String == "basics")
            #expect(json["success"] as? Bool == true)
            #expect(json["duration_ms"] is Int)
            let steps = steps(json)
            #expect(steps.map { $0["status"] as? String } == ["success", "skipped", "success", "success", "success"])
            #expect(steps.map { $0["step"] as? Int } == [1, 2, 3, 4, 5])
            #expect(steps.first?["id"] as? String == "greet")
            #expect(steps.first?["action"] as? String == "greet")
            #expect(steps.first?["outcome"] as? String == "Hello, world!")
            #expect(steps.last?["outcome"] as? String == "count=2|world!")
            let outputs = try #require(json["outputs"] as? [String: Any])
            #expect(outputs["greeting"] as? String == "Hello, world!")
            #expect(outputs["word"] as? String == "world!")
        }
    }

    @Test("a failed step stops the run with exit 1; later steps never run")
    func failing() throws {
        try run("failing.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(!folder.exists("never-ran"))
            #expect(
                normalized(output.stdout) == """
                    ▶ failing (failing.yaml, 3 steps)
                      1/3 … shell  first
                      1/3 ✓ shell  first   T
                      2/3 … shell  broken
                      2/3 ✗ shell  broken  T
                          error: expected exit code 0, got 3: to stderr
                          │ to stderr
                    ✗ failing failed in T: 1 succeeded, 1 failed, 1 not run; first failure: step 2 (broken)

                    """)
        }
        try run("failing.yaml", ["--json"]) { output, _ in
            #expect(output.status == 1)
            let json = try report(output)
            #expect(json["success"] as? Bool == false)
            let steps = steps(json)
            #expect(steps.count == 2)
            #expect(steps.last?["status"] as? String == "failed")
            #expect(steps.last?["exit_code"] as? Int == 3)
            #expect((steps.last?["error"] as? String)?.hasPrefix("expected exit code 0, got 3") == true)
        }
    }

    @Test("on_failure: continue goes on, and the run still counts as failed")
    func continueOnFailure() throws {
        try run("continue.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(folder.exists("cleaned-up"))
        }
    }

    @Test(
        "each expectation kind fails the step with what was expected and what came",
        arguments: [
            ("contains", "expected the outcome to contain '3 passed'; it was 'all good'"),
            ("not_contains", "expected the outcome not to contain 'error'; it was '1 error'"),
            ("matches", #"expected the outcome to match /version: \d+\.\d+/; it was 'version: abc'"#),
            ("equals", "expected the outcome to equal 'healthy'; it was 'healthy-ish'"),
            ("exit_codes", "expected exit code one of 0, 2, got 1"),
            ("short_form", "expected the outcome to contain 'rolled back'; it was 'deployed'"),
        ])
    func expectations(kind: String, message: String) throws {
        try run("expectations.yaml", ["--json", "--set", "which=\(kind)"]) { output, _ in
            #expect(output.status == 1)
            let failed = try steps(report(output)).last
            #expect(failed?["id"] as? String == kind)
            #expect(failed?["status"] as? String == "failed")
            #expect(failed?["error"] as? String == message)
        }
    }

    @Test("a value with shell syntax arrives as one literal word and is never executed")
    func injection() throws {
        let hostile = "a; touch pwned1 $(touch pwned2) `touch pwned3` \"q\" 's' | touch pwned4 & touch pwned5\nnewline > pwned6"
        try run("inject.yaml", ["--json", "--set", "value=\(hostile)"]) { output, folder in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            let outcomes = steps(try report(output)).map { $0["outcome"] as? String }
            #expect(outcomes == [hostile, "[\(hostile)]", "<\(hostile)>", hostile, hostile])
            let left = try FileSystem.contents(of: folder.path)
            #expect(left.filter { $0.hasPrefix("pwned") }.isEmpty, "files: \(left)")
        }
    }

    @Test("a timeout fails the step and says so")
    func timeout() throws {
        try run("timeout.yaml", ["--json"]) { output, _ in
            #expect(output.status == 1)
            let step = try #require(steps(try report(output)).first)
            #expect(step["error"] as? String == "timed out after 300ms")
        }
    }

    @Test("retries try again until the step succeeds")
    func retries() throws {
        try run("retries.yaml", ["--json"]) { output, folder in
            #expect(output.status == 0)
            let json = try report(output)
            let attempts = try folder.read("attempts")
            #expect(steps(json).first?["attempts"] as? Int == 3)
            #expect(attempts == "3\n")
        }
    }

    @Test("write_file writes and appends; later steps read the file")
    func writeAndRead() throws {
        try run("write-and-read.yaml") { output, folder in
            #expect(output.status == 0, "stdout was:\n\(output.stdout)")
            let written = try folder.read("out/report.txt")
            #expect(written == "line write_and_read\nsecond\n")
        }
    }

    @Test("a null input used in a template fails that step with a hint")
    func nullInput() throws {
        try run("null-input.yaml", ["--json"]) { output, folder in
            #expect(output.status == 1)
            #expect(folder.exists("started"))
            let error = steps(try report(output)).last?["error"] as? String
            #expect(error == "null-input.yaml:8:38: 'inputs.optional' is null; add a default, for example '| default(\"\")'")
        }
    }

    @Test("--set values are read as the input's type; every bad one is reported with exit 2")
    func typedInputs() throws {
        try run("typed-inputs.yaml", ["--set", "replicas=3", "--set", "hosts=x,y", "--set", "ratio=1.5"]) { output, _ in
            #expect(output.status == 0)
            #expect(output.stdout.contains("      3 1.5 true x,y safe\n"))
        }
        try run("typed-inputs.yaml", ["--set", "replicas=three", "--set", "mode=slow", "--set", "enabled=yes", "--set", "colour=red"]) {
            output, _ in
            #expect(output.status == 2)
            #expect(output.stdout.isEmpty)
            #expect(
                output.stderr == """
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

                    """)
        }
    }

    @Test("--adapt overrides one action's parameter in every step that uses it")
    func adapt() throws {
        try run("basics.yaml", ["--json", "--adapt", "greet.punctuation=?"]) { output, _ in
            #expect(output.status == 1)
            let steps = steps(try report(output))
            #expect(steps.first?["outcome"] as? String == "Hello, world?")
            #expect(steps.last?["error"] as? String == "expected the outcome to equal 'count=2|world!'; it was 'count=2|world?'")
        }
        try run("basics.yaml", ["--adapt", "greet.volume=11"]) { output, _ in
            #expect(output.status == 2)
            #expect(output.stderr.contains("volume"), "stderr was:\n\(output.stderr)")
        }
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
            let set = try ProcrunBinary.run(["edges.yaml", "--json", "--no-learn", "--set", "value=\(mark)x"], in: folder.path)
            let steps = AgentFixture.steps(AgentFixture.object(set.stdout))
            #expect(set.status == 0, "stderr: \(set.stderr)")
            #expect(steps.map { $0["outcome"] } == [.string("\(mark)x"), .string("a"), .string("[a]")])
            let adapt = try ProcrunBinary.run(["edges.yaml", "--json", "--no-learn", "--adapt", "log.message=\(mark)"], in: folder.path)
            #expect(AgentFixture.steps(AgentFixture.object(adapt.stdout)).first?["outcome"] == .string(mark), "stderr: \(adapt.stderr)")
        }
        // Swift would read the byte 0xFF as U+FFFD: procrun refuses the argument instead.
        let script = #""$1" edges.yaml --no-learn --set "value=a$(printf '\377')b""#
        let invalid = try ProcessRunner.run(ProcessSpec(arguments: ["sh", "-c", script, "sh", ProcrunBinary.path], workingDirectory: folder.path))
        #expect(invalid.exitCode == 2)
        #expect(invalid.stdout.text.isEmpty)
        #expect(invalid.stderr.text == "error: expected UTF-8 in argument 'value=a\\xFFb', found byte 0xFF\n")
    }

    @Test("--dry-run shows each command with templates resolved and runs nothing")
    func dryRun() throws {
        try run("write-and-read.yaml", ["--dry-run"]) { output, folder in
            #expect(output.status == 0)
            #expect(!folder.exists("out"))
            #expect(output.stdout.contains("(dry run)"))
        }
        try run("failing.yaml", ["--dry-run"]) { output, folder in
            #expect(output.status == 0)
            #expect(output.stdout.contains("$ touch never-ran"))
            #expect(!folder.exists("never-ran"))
        }
    }

    @Test("--quiet prints nothing on success and only errors on failure")
    func quiet() throws {
        try run("basics.yaml", ["--quiet"]) { output, _ in
            #expect(output.status == 0)
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.isEmpty)
        }
        try run("failing.yaml", ["--quiet"]) { output, _ in
            #expect(output.status == 1)
            #expect(output.stdout.isEmpty)
        }
    }

    @Test("procrun FILE is procrun run FILE, and check accepts a valid file")
    func defaultSubcommandAndCheck() throws {
        try run("basics.yaml", ["--quiet"]) { output, folder in
            #expect(output.status == 0)
            let check = try ProcrunBinary.run(["check", "basics.yaml"], in: folder.path)
            #expect(check.status == 0, "stderr was:\n\(check.stderr)")
            let explicit = try ProcrunBinary.run(["run", "basics.yaml", "--quiet"], in: folder.path)
            #expect(explicit.status == 0)
            let flagFirst = try ProcrunBinary.run(["--quiet", "basics.yaml"], in: folder.path)
            #expect(flagFirst.status == 0, "stderr was:\n\(flagFirst.stderr)")
        }
        let version = try ProcrunBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        let nothing = try ProcrunBinary.run([])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("Missing expected argument '<file>'"))
        let help = try ProcrunBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("procrun NAME (a procedure's name or file) is procrun run NAME"))
    }

    @Test("command-line mistakes exit 2")
    func commandLineMistakes() throws {
        try run("basics.yaml", ["--set", "noequals"]) { output, _ in
            #expect(output.status == 2)
            #expect(output.stderr.contains("expected NAME=VALUE"))
        }
        let missing = try ProcrunBinary.run(["no-such-file.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.yaml"))
        let unknownFlag = try ProcrunBinary.run(["run", "x.yaml", "--frobnicate"])
        #expect(unknownFlag.status == 2)
    }
}
