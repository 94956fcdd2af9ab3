import ProcrunKit
import Testing

/// `procrun record`, driven through its prompt with scripted standard input and through `--from`;
/// the YAML it writes is checked, loaded with `procrun check` and run with `procrun run`.
@Suite("record", .serialized)
struct RecordTests {
    /// A library folder with a `procrun.yaml` defining one action.
    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(
            "procrun.yaml",
            """
            actions:
              greet:
                parameters:
                  who: {required: true}
                command: "echo hello {{ params.who }}"

            """)
        return folder
    }

    static let session = """
        echo "build started at $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(mktemp -d)"
        echo compiled the site successfully
        sh -c 'echo broken; exit 3'
        ls no-such-file-here
        :note the compile step needs make 4
        :expect successfully
        echo 'literal {{ braces }} and "quotes": yes'
        echo this one is undone
        :undo
        :done

        """

    @Test("a typed session keeps the successful steps, named after their programs, expecting what was asked, and the file checks and runs")
    func interactive() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(
            ["record", "build_site", "--description", "Build the site", "--tags", "site, build"], in: folder.path, input: Self.session,
            environment: [("LC_ALL", "C")], stdout: """
            recording 'build_site' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo "build started at $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(mktemp -d)"
            build started at <time> in <mktemp>
            ✓ exit 0 in <duration>
            [2] $ echo compiled the site successfully
            compiled the site successfully
            ✓ exit 0 in <duration>
            [3] $ sh -c 'echo broken; exit 3'
            broken
            ✗ exit 3 in <duration>; failed commands are not saved
            [4] $ ls no-such-file-here
            ✗ exit 2 in <duration>; failed commands are not saved
            [5] $ :note the compile step needs make 4
            note added to step 2
            [5] $ :expect successfully
            expectation added to step 2
            [5] $ echo 'literal {{ braces }} and "quotes": yes'
            literal {{ braces }} and "quotes": yes
            ✓ exit 0 in <duration>
            [6] $ echo this one is undone
            this one is undone
            ✓ exit 0 in <duration>
            [7] $ :undo
            dropped step 6: echo this one is undone
            [6] $ :done
            saved build_site.yaml: 3 steps, 2 failed steps left out

            """, stderr: "ls: cannot access 'no-such-file-here': No such file or directory\n",
            normalizing: [.durations, .timestamps, .replacing(#"/tmp/tmp\.[A-Za-z0-9]+"#, with: "<mktemp>", "the folder mktemp made")])
        let yaml = try folder.read("build_site.yaml")
        // Each output was seen once: only the exit code and the ':expect' text are expected.
        WholeText.expect(yaml, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record at the prompt.
            name: build_site
            description: Build the site
            tags: [site, build]
            version: 1

            steps:
              - id: echo
                action: shell
                parameters:
                  command: 'echo "build started at $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(mktemp -d)"'
                expect:
                  exit_code: 0

              - id: echo_2
                action: shell
                parameters:
                  command: echo compiled the site successfully
                expect:
                  exit_code: 0
                  contains: successfully
                notes: the compile step needs make 4

              - id: echo_3
                action: shell
                parameters:
                  command: "echo 'literal {{ '{{' }} braces }} and \\"quotes\\": yes'"
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "build_site.yaml", normalizing: [.durationFields, .timestamps])
        try ProcrunBinary.expect(["check", "build_site.yaml"], in: folder.path, stdout: "ok: build_site.yaml: 'build_site', 3 steps\n")
        try ProcrunBinary.expect(["run", "build_site.yaml"], in: folder.path, stdout: """
            ▶ build_site (build_site.yaml, 3 steps)
              1/3 ✓ shell  echo    <duration>
              2/3 ✓ shell  echo_2  <duration>
              3/3 ✓ shell  echo_3  <duration>
            ✓ build_site succeeded in <duration>: 3 succeeded

            """, normalizing: [.durations])
    }

    @Test("an action log builds a procedure; failed and skipped actions are left out")
    func fromLog() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write(
            "actions.jsonl",
            """
            {"action": "shell", "parameters": {"command": "echo tests passed"}, "outcome": "tests passed\\n", "status": "success", "duration_ms": 812}
            {"action": "greet", "parameters": {"who": "world"}, "outcome": "hello world", "status": "success", "duration_ms": 5.4, "timestamp": "2026-11-25T10:00:00Z"}

            {"action": "shell", "parameters": {"command": "false"}, "outcome": "", "status": "failed", "duration_ms": 3}
            {"action": "log", "parameters": {"message": "skipped"}, "status": "skipped"}
            {"action": "log", "parameters": {"message": "done at 10:02"}, "outcome": "done at 10:02", "status": "ok"}

            """)
        try ProcrunBinary.expect(
            ["record", "from_agent", "--from", "actions.jsonl", "--description", "What the agent did"], in: folder.path,
            stdout: "read 4 actions from actions.jsonl\nsaved from_agent.yaml: 3 steps, 1 failed step left out\n")
        let yaml = try folder.read("from_agent.yaml")
        // One log is one observation: no output is expected, only the exit code of commands.
        WholeText.expect(yaml, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: from_agent
            description: What the agent did
            version: 1

            steps:
              - id: echo
                action: shell
                parameters:
                  command: echo tests passed
                expect:
                  exit_code: 0

              - id: greet
                action: greet
                parameters:
                  who: world
                expect:
                  exit_code: 0

              - id: log
                action: log
                parameters:
                  message: done at 10:02

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 817
              avg_duration_ms: 817
              last_executed: "<time>"

            """, "from_agent.yaml", normalizing: [.timestamps])
        try ProcrunBinary.expect(["check", "from_agent.yaml"], in: folder.path, stdout: "ok: from_agent.yaml: 'from_agent', 3 steps\n")
        try ProcrunBinary.expect(["run", "from_agent.yaml"], in: folder.path, stdout: """
            ▶ from_agent (from_agent.yaml, 3 steps)
              1/3 ✓ shell  echo   <duration>
              2/3 ✓ greet  greet  <duration>
              3/3 ✓ log    log    <duration>
                  done at 10:02
            ✓ from_agent succeeded in <duration>: 3 succeeded

            """, normalizing: [.durations])
    }

    @Test("malformed log lines are reported by line number and nothing is written")
    func malformedLog() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write(
            "bad.jsonl",
            """
            {"action": "shell", "parameters": {"command": "echo ok"}, "status": "success"}
            {"action": "shell", "parameters": {"command": "echo ok"},}
            ["not", "an", "object"]
            {"parameters": {}}
            {"action": "shell", "status": "maybe"}
            {"action": "shell", "duration_ms": -4}
            {"action": "deploy_it"}

            """)
        try ProcrunBinary.expect(["record", "bad", "--from", "bad.jsonl", "--description", "x"], in: folder.path, status: 2, stderr: """
            bad.jsonl:2:58: error: invalid JSON: expected a string key, found '}'
            {"action": "shell", "parameters": {"command": "echo ok"},}
                                                                     ^
            bad.jsonl:3:1: error: expected a JSON object for an action, found an array
            ["not", "an", "object"]
            ^
            bad.jsonl:4:1: error: missing required member 'action'
            {"parameters": {}}
            ^
            bad.jsonl:5:1: error: expected 'success', 'failed' or 'skipped' for 'status', found "maybe"
            {"action": "shell", "status": "maybe"}
            ^
            bad.jsonl:6:1: error: expected a number of milliseconds (0 or more) for 'duration_ms', found -4
            {"action": "shell", "duration_ms": -4}
            ^

            """)
        #expect(!folder.exists("bad.yaml"))
        try folder.write("bad.jsonl", "{\"action\": \"deploy_it\"}\n")
        try ProcrunBinary.expect(["record", "bad", "--from", "bad.jsonl", "--description", "x"], in: folder.path, status: 2, stderr: """
            bad.jsonl:1:1: error: unknown action 'deploy_it'; define it in procrun.yaml
            {"action": "deploy_it"}
            ^

            """)
        #expect(!folder.exists("bad.yaml"))
        try ProcrunBinary.expect(
            ["record", "piped", "--from", "-", "--description", "x"], in: folder.path,
            input: "{\"action\": \"deploy_it\", \"status\": \"failed\"}\n{\"action\": \"log\", \"parameters\": {\"message\": \"hi there\"}, \"outcome\": \"hi there\"}\n",
            stdout: """
            read 2 actions from standard input
            saved piped.yaml: 1 step, 1 failed step left out

            """)
        WholeText.expect(try folder.read("piped.yaml"), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: piped
            description: x
            version: 1

            steps:
              - id: log
                action: log
                parameters:
                  message: hi there

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "piped.yaml", normalizing: [.durationFields, .timestamps])
    }

    @Test("secrets become secret inputs: environment values and credential shapes")
    func secrets() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let token = "ghp_" + String(repeating: "a1B2", count: 9)
        let session = """
            echo deploying with key $DEPLOY_API_TOKEN
            echo pasted s3cr3t-value-42 by hand
            echo "curl -H 'Authorization: Bearer abcdefghijklmnop1234567890' https://example.com"
            echo pushing with \(token)
            echo password=hunter22secret
            :done

            """
        try ProcrunBinary.expect(
            ["record", "with_secrets", "--description", "Uses secrets"], in: folder.path, input: session,
            environment: [("DEPLOY_API_TOKEN", "s3cr3t-value-42")], stdout: """
            recording 'with_secrets' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo deploying with key $DEPLOY_API_TOKEN
            deploying with key s3cr3t-value-42
            ✓ exit 0 in <duration>
            [2] $ echo pasted s3cr3t-value-42 by hand
            pasted s3cr3t-value-42 by hand
            ✓ exit 0 in <duration>
            [3] $ echo "curl -H 'Authorization: Bearer abcdefghijklmnop1234567890' https://example.com"
            curl -H 'Authorization: Bearer abcdefghijklmnop1234567890' https://example.com
            ✓ exit 0 in <duration>
            [4] $ echo pushing with ghp_a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2
            pushing with ghp_a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2
            ✓ exit 0 in <duration>
            [5] $ echo password=hunter22secret
            password=hunter22secret
            ✓ exit 0 in <duration>
            [6] $ :done
            values that could be inputs:
              1) with in steps echo, echo_4
            name them as NAME=N (e.g. version=1), or press Enter to keep them literal:\u{20}
            saved with_secrets.yaml: 5 steps
            secrets were replaced by inputs; run it with --set deploy_api_token=... --set bearer_token=... --set github_token=... --set password=...

            """, normalizing: [.durations])
        let yaml = try folder.read("with_secrets.yaml")
        WholeText.expect(yaml, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record at the prompt.
            name: with_secrets
            description: Uses secrets
            version: 1

            inputs:
              deploy_api_token:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: the environment variable DEPLOY_API_TOKEN'
              bearer_token:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: a string shaped like a credential (bearer token)'
              github_token:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: a string shaped like a credential (github token)'
              password:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: a string shaped like a credential (password)'

            steps:
              - id: echo
                action: shell
                parameters:
                  command: 'echo deploying with key $DEPLOY_API_TOKEN'
                expect:
                  exit_code: 0

              - id: echo_2
                action: shell
                parameters:
                  command: 'echo pasted {{ inputs.deploy_api_token }} by hand'
                expect:
                  exit_code: 0

              - id: echo_3
                action: shell
                parameters:
                  command: "echo \\"curl -H 'Authorization: Bearer {{ inputs.bearer_token }}' https://example.com\\""
                expect:
                  exit_code: 0

              - id: echo_4
                action: shell
                parameters:
                  command: 'echo pushing with {{ inputs.github_token }}'
                expect:
                  exit_code: 0

              - id: echo_5
                action: shell
                parameters:
                  command: 'echo password={{ inputs.password }}'
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "with_secrets.yaml", normalizing: [.durationFields, .timestamps])
        try ProcrunBinary.expect(["check", "with_secrets.yaml"], in: folder.path, stdout: "ok: with_secrets.yaml: 'with_secrets', 5 steps\n")
        try ProcrunBinary.expect(
            ["run", "with_secrets.yaml", "--set", "deploy_api_token=s3cr3t-value-42", "--set", "bearer_token=abcdefghijklmnop1234567890", "--set", "github_token=\(token)", "--set", "password=hunter22secret"],
            in: folder.path, stdout: """
            ▶ with_secrets (with_secrets.yaml, 5 steps)
              1/5 ✓ shell  echo    <duration>
              2/5 ✓ shell  echo_2  <duration>
              3/5 ✓ shell  echo_3  <duration>
              4/5 ✓ shell  echo_4  <duration>
              5/5 ✓ shell  echo_5  <duration>
            ✓ with_secrets succeeded in <duration>: 5 succeeded

            """, normalizing: [.durations])
    }

    @Test("an existing procedure is never overwritten silently; --force replaces; --new-version archives")
    func overwrite() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["record", "task", "--description", "first"], in: folder.path, input: "echo one\n:done\n", stdout: """
            recording 'task' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo one
            one
            ✓ exit 0 in <duration>
            [2] $ :done
            saved task.yaml: 1 step

            """, normalizing: [.durations])
        let original = try folder.read("task.yaml")
        try ProcrunBinary.expect(["record", "task", "--description", "second"], in: folder.path, input: "echo two\n:done\n", status: 2, stderr: """
            error: procedure 'task' already exists at task.yaml; nothing was overwritten: choose another name, pass --force to replace it, or --new-version to save it as version 2

            """)
        #expect(try folder.read("task.yaml") == original)
        try ProcrunBinary.expect(["record", "task", "--description", "second", "--new-version"], in: folder.path, input: "echo two\n:done\n", stdout: """
            recording 'task' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo two
            two
            ✓ exit 0 in <duration>
            [2] $ :done
            moved the previous version to archive/task.v1.yaml
            saved task.yaml: 1 step

            """, normalizing: [.durations])
        #expect(try folder.read("archive/task.v1.yaml") == original)
        WholeText.expect(try folder.read("task.yaml"), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record at the prompt.
            name: task
            description: second
            version: 2

            steps:
              - id: echo
                action: shell
                parameters:
                  command: echo two
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "task.yaml, version 2", normalizing: [.durationFields, .timestamps])
        try folder.write("nested/other.yaml", "name: elsewhere\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        try ProcrunBinary.expect(["record", "elsewhere", "--description", "d"], in: folder.path, input: ":done\n", status: 2, stderr: """
            error: a procedure named 'elsewhere' already exists at nested/other.yaml; nothing was written: choose another name, or pass --force to save elsewhere.yaml beside it

            """)
        try ProcrunBinary.expect(["record", "task", "--description", "third", "--force"], in: folder.path, input: "echo three\n:done\n", stdout: """
            recording 'task' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo three
            three
            ✓ exit 0 in <duration>
            [2] $ :done
            saved task.yaml: 1 step (replaced the existing file)

            """, normalizing: [.durations])
        WholeText.expect(try folder.read("task.yaml"), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record at the prompt.
            name: task
            description: third
            version: 2

            steps:
              - id: echo
                action: shell
                parameters:
                  command: echo three
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "task.yaml, forced", normalizing: [.durationFields, .timestamps])
    }

    @Test("--verify saves only when the replay succeeds")
    func verify() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["record", "good", "--description", "d", "--verify"], in: folder.path, input: "echo stable output\n:done\n", stdout: """
            recording 'good' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo stable output
            stable output
            ✓ exit 0 in <duration>
            [2] $ :done
            verifying: this replays the step for real (its command runs again in <tmp>); use --dry-run to only check and print the procedure
            verified: the replay succeeded
            saved good.yaml: 1 step

            """, normalizing: [.durations, .temporaryFolders])
        #expect(folder.exists("good.yaml"))
        // The first run creates the marker; the replay finds it and fails.
        let once = "test ! -e marker && touch marker\n:done\n"
        try ProcrunBinary.expect(["record", "bad", "--description", "d", "--verify"], in: folder.path, input: once, status: 1, stdout: """
            recording 'bad' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ test ! -e marker && touch marker
            ✓ exit 0 in <duration>
            [2] $ :done
            verifying: this replays the step for real (its command runs again in <tmp>); use --dry-run to only check and print the procedure

            """, stderr: "error: verification failed: step 1 (shell) failed: expected exit code 0, got 1; nothing was saved\n", normalizing: [.durations, .temporaryFolders])
        #expect(!folder.exists("bad.yaml"))
        #expect(!folder.exists(".bad.verify.yaml"))
    }

    @Test("no successful step, :abort, and bad names write nothing")
    func nothingSaved() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["record", "none", "--description", "d"], in: folder.path, input: "false\n:done\n", status: 1, stdout: """
            recording 'none' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ false
            ✗ exit 1 in <duration>; failed commands are not saved
            [2] $ :done
            no step succeeded (1 recorded); nothing was saved

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["record", "none", "--description", "d"], in: folder.path, input: "echo hi\n:abort\n", status: 1, stdout: """
            recording 'none' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo hi
            hi
            ✓ exit 0 in <duration>
            [2] $ :abort
            recording abandoned; nothing was saved

            """, normalizing: [.durations])
        #expect(!folder.exists("none.yaml"))
        try ProcrunBinary.expect(["record", "9lives", "--description", "d"], in: folder.path, input: ":done\n", status: 2, stderr: "error: expected a procedure name of letters, digits, '_' and '-' starting with a letter, found '9lives'\n")
        try ProcrunBinary.expect(["record", "x"], in: folder.path, input: ":done\n", status: 2, stderr: """
            Error: Missing expected argument '--description <TEXT>'
            Help:  --description <TEXT>  What the procedure does and when to use it.
            Usage: procrun record <name> --description <TEXT> [--tags <a,b>] [--from <FILE> ...] [--keep-optional] [--dry-run] [--force] [--new-version] [--verify] [--secret <NAME> ...] [--library <DIR>] [--no-color]
              See 'procrun record --help' for more information.

            """)
        try ProcrunBinary.expect(["record", "typo", "--description", "d"], in: folder.path, input: ":dnoe\n:abort\n", status: 1, stdout: """
            recording 'typo' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ :dnoe
            [1] $ :abort
            recording abandoned; nothing was saved

            """, stderr: "error: unknown command ':dnoe'; did you mean ':done'?; :help lists them\n")
    }
}

extension RecordTests {
    @Test("a log whose parameters the action does not accept is refused, saying nothing was saved")
    func invalidParameters() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write("log.jsonl", "{\"action\": \"greet\", \"parameters\": {\"whom\": \"x\"}}\n")
        try ProcrunBinary.expect(["record", "greeting", "--from", "log.jsonl", "--description", "d"], in: folder.path, status: 2, stdout: "read 1 action from log.jsonl\n", stderr: """
            greeting.yaml:11:7: error: unknown parameter 'whom' for action 'greet'; did you mean 'who'?
            error: nothing was saved: the recorded procedure would not pass 'procrun check' (the problems above are in the text that would have been written to greeting.yaml)

            """)
        #expect(!folder.exists("greeting.yaml"))
    }
}
