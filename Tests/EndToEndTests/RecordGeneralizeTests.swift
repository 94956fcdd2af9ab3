import ProcrunKit
import Testing

/// `procrun record NAME --from a.jsonl --from b.jsonl --from c.jsonl`: a task done three times
/// becomes one procedure with inputs, and the procedure replays with new values on real files.
@Suite("recording a task from several logs, replayed with new values", .serialized)
struct RecordGeneralizeTests {
    /// One line of an agent's action log: a shell command and what came of it.
    static func line(_ command: String, _ outcome: String = "", stderr: String = "", exitCode: Int = 0, milliseconds: Int = 10) -> String {
        #"{"action":"shell","parameters":{"command":\#(JSONWriter.quote(command))},"outcome":\#(JSONWriter.quote(outcome)),"stderr":\#(JSONWriter.quote(stderr)),"exit_code":\#(exitCode),"status":"success","duration_ms":\#(milliseconds)}"#
            + "\n"
    }

    /// Runs git in `folder`, expecting it to succeed; returns its standard output.
    @discardableResult
    static func git(_ arguments: [String], in folder: TemporaryFolder) throws -> String {
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder.path, timeout: .seconds(60)))
        #expect(result.exitCode == 0, "git \(arguments.joined(separator: " ")): \(result.stderr.text)")
        return result.stdout.text
    }

    /// The file `record` wrote, with its `last_executed` time (the moment of recording) taken out.
    static func written(_ name: String, in folder: TemporaryFolder) throws -> String {
        let text = try folder.read(name)
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  last_executed: ") }.joined(separator: "\n")
    }

    /// The report of `procrun run NAME ARGUMENTS --json --no-learn`: its exit status and each step's outcome and error.
    static func replay(_ name: String, _ arguments: [String], in folder: TemporaryFolder) throws -> (status: Int32, outcomes: [String], errors: [String]) {
        let run = try ProcrunBinary.run(["run", name] + arguments + ["--json", "--no-learn"], in: folder.path)
        #expect(run.stderr == "")
        guard case .array(let steps)? = try JSONParser.parse(run.stdout)["steps"] else {
            Issue.record("no steps in the report: \(run.stdout)")
            return (run.status, [], [])
        }
        let outcomes = steps.map { step in
            if case .string(let text)? = step["outcome"] { return text }
            return ""
        }
        let errors = steps.map { step in
            if case .string(let text)? = step["error"] { return text }
            return ""
        }
        return (run.status, outcomes, errors)
    }

    /// A library folder (an empty `procrun.yaml`) holding `files`.
    static func library(_ files: [(String, String)] = []) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "")
        for (name, text) in files { try folder.write(name, text) }
        return folder
    }

    /// Writes `logs` as `a.jsonl`, `b.jsonl`, ... and runs `procrun record NAME OPTIONS --from
    /// a.jsonl --from b.jsonl ... --description DESCRIPTION`, expecting it to succeed and to print
    /// `stdout`, and nothing on standard error.
    static func record(
        _ name: String, _ description: String, logs: [String], _ options: [String] = [], in folder: TemporaryFolder, stdout: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var arguments = ["record", name] + options
        for (index, log) in logs.enumerated() {
            let file = ["a", "b", "c", "d"][index] + ".jsonl"
            try folder.write(file, log)
            arguments += ["--from", file]
        }
        try ProcrunBinary.expect(arguments + ["--description", description], in: folder.path, stdout: stdout, sourceLocation: sourceLocation)
    }

    static let schemaLine = "# yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json\n"

    // MARK: the release of issue 22

    /// A library that is a real git repository: a Makefile whose tests pass, an earlier release
    /// tagged and one commit since.
    static func releaseRepository() throws -> TemporaryFolder {
        let folder = try library([("Makefile", "test:\n\t@echo '8 tests passed'\n")])
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["config", "user.email", "release@example.com"], in: folder)
        try git(["config", "user.name", "Release"], in: folder)
        try git(["config", "tag.gpgsign", "false"], in: folder)
        try git(["config", "commit.gpgsign", "false"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-qm", "first release"], in: folder)
        try git(["tag", "v1.3.0"], in: folder)
        try folder.write("CHANGES", "- totals are rounded to cents\n")
        try git(["add", "CHANGES"], in: folder)
        try git(["commit", "-qm", "round totals"], in: folder)
        return folder
    }

    /// The three logs of the release; the second also notified the team.
    static let releaseLogs = [
        releaseLog(version: "1.4.0", replicas: 2, environment: "staging", notify: false),
        releaseLog(version: "1.4.1", replicas: 3, environment: "staging", notify: true),
        releaseLog(version: "1.4.2", replicas: 5, environment: "production", notify: false),
    ]

    /// A log of the release: test, tag, check the tag, (notify,) deploy.
    static func releaseLog(version: String, replicas: Int, environment: String, notify: Bool) -> String {
        line("make test", "8 tests passed\n", milliseconds: 310) + line("git tag v\(version)", milliseconds: 12)
            + line("git describe --tags", "v\(version)\n", milliseconds: 9)
            + (notify ? line("echo notify slack", "notify slack\n", milliseconds: 1) : "")
            + line("echo deploy --replicas \(replicas) --env \(environment)", "deploy --replicas \(replicas) --env \(environment)\n", milliseconds: 2)
    }

    @Test("the release of issue 22: three logs give the inputs version, replicas and env; a replay with new values tags and deploys them")
    func release() throws {
        let folder = try Self.releaseRepository()
        defer { folder.remove() }
        try Self.record(
            "release", "Test, tag and deploy a release.", logs: Self.releaseLogs, in: folder,
            stdout: """
                read 4 actions from a.jsonl
                read 5 actions from b.jsonl
                read 4 actions from c.jsonl
                step 'echo notify slack' was performed in 1 of 3 logs: left out (--keep-optional keeps it behind a condition)
                input 'version' (string, default v1.4.2): learned from 3 recordings; values seen: v1.4.0, v1.4.1, v1.4.2
                input 'replicas' (integer, default 5): learned from 3 recordings; values seen: 2, 3, 5
                input 'env' (string, default production): learned from 3 recordings; values seen: staging, production
                saved release.yaml: 4 steps

                """)
        #expect(
            try Self.written("release.yaml", in: folder) == Self.schemaLine + """
                # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
                name: release
                description: 'Test, tag and deploy a release.'
                version: 1

                inputs:
                  version:
                    type: string
                    default: v1.4.2
                    description: 'learned from 3 recordings; values seen: v1.4.0, v1.4.1, v1.4.2'
                  replicas:
                    type: integer
                    default: 5
                    description: 'learned from 3 recordings; values seen: 2, 3, 5'
                  env:
                    type: string
                    default: production
                    description: 'learned from 3 recordings; values seen: staging, production'

                steps:
                  - id: make
                    action: shell
                    parameters:
                      command: make test
                    expect:
                      exit_code: 0
                      contains: tests passed

                  - id: git_tag
                    action: shell
                    parameters:
                      command: 'git tag {{ inputs.version }}'
                    expect:
                      exit_code: 0

                  - id: git_describe
                    action: shell
                    parameters:
                      command: git describe --tags
                    expect:
                      exit_code: 0

                  - id: echo
                    action: shell
                    parameters:
                      command: 'echo deploy --replicas {{ inputs.replicas }} --env {{ inputs.env }}'
                    expect:
                      exit_code: 0
                      contains: deploy --replicas

                stats:
                  execution_count: 1
                  successes: 1
                  failures: 0
                  success_rate: 1.000
                  total_duration_ms: 333
                  avg_duration_ms: 333

                """)
        #expect(try Self.git(["tag", "--list"], in: folder) == "v1.3.0\n")
        #expect(try Self.git(["describe", "--tags", "--abbrev=0"], in: folder) == "v1.3.0\n")
        let run = try Self.replay("release", ["--set", "version=v1.5.0", "--set", "replicas=7", "--set", "env=qa"], in: folder)
        #expect(run.status == 0)
        #expect(run.outcomes == ["8 tests passed", "", "v1.5.0", "deploy --replicas 7 --env qa"])
        #expect(try Self.git(["tag", "--list"], in: folder) == "v1.3.0\nv1.5.0\n")
        #expect(try Self.git(["describe", "--tags"], in: folder) == "v1.5.0\n")
    }

    @Test("--keep-optional keeps the notify step behind include_echo, off by default as in the last log")
    func releaseKeepOptional() throws {
        let folder = try Self.releaseRepository()
        defer { folder.remove() }
        try Self.record("release", "Release.", logs: Self.releaseLogs, ["--keep-optional"], in: folder, stdout: """
            read 4 actions from a.jsonl
            read 5 actions from b.jsonl
            read 4 actions from c.jsonl
            step 'echo notify slack' was performed in 1 of 3 logs: kept, run when inputs.include_echo is true
            input 'version' (string, default v1.4.2): learned from 3 recordings; values seen: v1.4.0, v1.4.1, v1.4.2
            input 'replicas' (integer, default 5): learned from 3 recordings; values seen: 2, 3, 5
            input 'env' (string, default production): learned from 3 recordings; values seen: staging, production
            saved release.yaml: 5 steps

            """)
        WholeText.expect(try Self.written("release.yaml", in: folder), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: release
            description: Release.
            version: 1

            inputs:
              version:
                type: string
                default: v1.4.2
                description: 'learned from 3 recordings; values seen: v1.4.0, v1.4.1, v1.4.2'
              replicas:
                type: integer
                default: 5
                description: 'learned from 3 recordings; values seen: 2, 3, 5'
              env:
                type: string
                default: production
                description: 'learned from 3 recordings; values seen: staging, production'
              include_echo:
                type: boolean
                default: false
                description: "whether to run the 'echo notify slack' step (performed in 1 of 3 recordings)"

            steps:
              - id: make
                action: shell
                parameters:
                  command: make test
                expect:
                  exit_code: 0
                  contains: tests passed

              - id: git_tag
                action: shell
                parameters:
                  command: 'git tag {{ inputs.version }}'
                expect:
                  exit_code: 0

              - id: git_describe
                action: shell
                parameters:
                  command: git describe --tags
                expect:
                  exit_code: 0

              - id: echo
                action: shell
                when: inputs.include_echo
                parameters:
                  command: echo notify slack
                expect:
                  exit_code: 0

              - id: echo_2
                action: shell
                parameters:
                  command: 'echo deploy --replicas {{ inputs.replicas }} --env {{ inputs.env }}'
                expect:
                  exit_code: 0
                  contains: deploy --replicas

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 333
              avg_duration_ms: 333

            """, "release.yaml")
        let off = try Self.replay("release", ["--set", "version=v1.5.0"], in: folder)
        #expect(off.status == 0)
        #expect(off.outcomes == ["8 tests passed", "", "v1.5.0", "", "deploy --replicas 5 --env production"])
        try Self.git(["commit", "-q", "--allow-empty", "-m", "fix"], in: folder)
        let on = try Self.replay("release", ["--set", "version=v1.5.1", "--set", "include_echo=true", "--set", "env=qa"], in: folder)
        #expect(on.status == 0)
        #expect(on.outcomes == ["8 tests passed", "", "v1.5.1", "notify slack", "deploy --replicas 5 --env qa"])
    }

    // MARK: values in code, numbers as text, folders, standard error

    @Test("a value inside a sed script replays with a new value through INPUT_VERSION; a value outside the pattern is refused before step 1")
    func sedScript() throws {
        let folder = try Self.library([("setup.cfg", "[metadata]\nname = ledgerly\nversion = 1.3.9\n")])
        defer { folder.remove() }
        let logs = ["1.4.0", "1.4.1", "1.5.0"].map { version in
            Self.line("sed -i 's/^version = .*/version = \(version)/' setup.cfg", milliseconds: 7)
                + Self.line("grep ^version setup.cfg", "version = \(version)\n", milliseconds: 3)
        }
        try Self.record(
            "bump", "Set the version in setup.cfg.", logs: logs, in: folder,
            stdout: """
                read 2 actions from a.jsonl
                read 2 actions from b.jsonl
                read 2 actions from c.jsonl
                input 'version' (string, default 1.5.0): learned from 3 recordings; values seen: 1.4.0, 1.4.1, 1.5.0
                saved bump.yaml: 2 steps

                """)
        #expect(
            try Self.written("bump.yaml", in: folder) == Self.schemaLine + """
                # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
                name: bump
                description: Set the version in setup.cfg.
                version: 1

                inputs:
                  version:
                    type: string
                    default: '1.5.0'
                    description: 'learned from 3 recordings; values seen: 1.4.0, 1.4.1, 1.5.0'
                    pattern: '[A-Za-z0-9._-]+'

                steps:
                  - id: sed
                    action: shell
                    parameters:
                      command: "sed -i 's/^version = .*/version = '\\"$INPUT_VERSION\\"'/' setup.cfg"
                      env:
                        INPUT_VERSION: '{{ inputs.version }}'
                    expect:
                      exit_code: 0

                  - id: grep
                    action: shell
                    parameters:
                      command: grep ^version setup.cfg
                    expect:
                      exit_code: 0
                      contains: version

                stats:
                  execution_count: 1
                  successes: 1
                  failures: 0
                  success_rate: 1.000
                  total_duration_ms: 10
                  avg_duration_ms: 10

                """)
        let run = try Self.replay("bump", ["--set", "version=2.0.0-rc.1"], in: folder)
        #expect(run.status == 0)
        #expect(run.outcomes == ["", "version = 2.0.0-rc.1"])
        #expect(try folder.read("setup.cfg") == "[metadata]\nname = ledgerly\nversion = 2.0.0-rc.1\n")
        try ProcrunBinary.expect(["run", "bump", "--set", "version=1/e touch pwned", "--no-learn"], in: folder.path, status: 2, stderr: """
            error: input 'version' must match the pattern '[A-Za-z0-9._-]+', found '1/e touch pwned'
            bump.yaml:8:3: note: input 'version' is declared here
              version:
              ^

            """)
        #expect(!folder.exists("pwned"))
        #expect(try folder.read("setup.cfg") == "[metadata]\nname = ledgerly\nversion = 2.0.0-rc.1\n")
    }

    @Test("a number-like version 1.10 stays text: recorded as a string and replayed as given")
    func versionAsText() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let logs = ["1.8", "1.9", "1.10"].map { Self.line("echo \($0) > VERSION") + Self.line("cat VERSION", "\($0)\n") }
        try Self.record("stamp", "Write the version.", logs: logs, in: folder, stdout: """
            read 2 actions from a.jsonl
            read 2 actions from b.jsonl
            read 2 actions from c.jsonl
            input 'version' (string, default 1.10): learned from 3 recordings; values seen: 1.8, 1.9, 1.10
            saved stamp.yaml: 2 steps

            """)
        WholeText.expect(try Self.written("stamp.yaml", in: folder), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: stamp
            description: Write the version.
            version: 1

            inputs:
              version:
                type: string
                default: '1.10'
                description: 'learned from 3 recordings; values seen: 1.8, 1.9, 1.10'

            steps:
              - id: echo
                action: shell
                parameters:
                  command: 'echo {{ inputs.version }} > VERSION'
                expect:
                  exit_code: 0

              - id: cat
                action: shell
                parameters:
                  command: cat VERSION
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 20
              avg_duration_ms: 20

            """, "stamp.yaml")
        let run = try Self.replay("stamp", ["--set", "version=1.20"], in: folder)
        #expect(run.status == 0)
        #expect(run.outcomes == ["", "1.20"])
        #expect(try folder.read("VERSION") == "1.20\n")
        let byDefault = try Self.replay("stamp", [], in: folder)
        #expect(byDefault.outcomes == ["", "1.10"])
        #expect(try folder.read("VERSION") == "1.10\n")
    }

    @Test("a log that changes folder with cd replays its commands in that folder (the procedure's cwd, as most ran there), and back at the root after cd")
    func changeOfFolder() throws {
        let folder = try Self.library([("web/index.html", "<h1>hello</h1>\n")])
        defer { folder.remove() }
        let logs = [41, 42, 43].map { build in
            Self.line("cd web") + Self.line("echo build \(build) > stamp.txt") + Self.line("ls", "index.html\nstamp.txt\n") + Self.line("cd")
                + Self.line("cat web/stamp.txt", "build \(build)\n")
        }
        try Self.record(
            "stamp_site", "Stamp the site.", logs: logs, in: folder,
            stdout: """
                read 5 actions from a.jsonl
                read 5 actions from b.jsonl
                read 5 actions from c.jsonl
                input 'build' (integer, default 43): learned from 3 recordings; values seen: 41, 42, 43
                saved stamp_site.yaml: 3 steps

                """)
        #expect(
            try Self.written("stamp_site.yaml", in: folder) == Self.schemaLine + """
                # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
                name: stamp_site
                description: Stamp the site.
                version: 1
                cwd: web

                inputs:
                  build:
                    type: integer
                    default: 43
                    description: 'learned from 3 recordings; values seen: 41, 42, 43'

                steps:
                  - id: echo
                    action: shell
                    parameters:
                      command: 'echo build {{ inputs.build }} > stamp.txt'
                    expect:
                      exit_code: 0

                  - id: ls
                    action: shell
                    parameters:
                      command: ls
                    expect:
                      exit_code: 0
                      contains: index.html

                  - id: cat
                    action: shell
                    parameters:
                      command: cat web/stamp.txt
                      cwd: '.'
                    expect:
                      exit_code: 0
                      contains: build

                stats:
                  execution_count: 1
                  successes: 1
                  failures: 0
                  success_rate: 1.000
                  total_duration_ms: 30
                  avg_duration_ms: 30

                """)
        let run = try Self.replay("stamp_site", ["--set", "build=99"], in: folder)
        #expect(run.status == 0)
        #expect(run.outcomes == ["", "index.html\nstamp.txt", "build 99"])
        #expect(try folder.read("web/stamp.txt") == "build 99\n")
        #expect(!folder.exists("stamp.txt"))
    }

    @Test("an expectation found in standard error is written as stderr_contains and checked on standard error")
    func standardError() throws {
        let folder = try Self.library([("build.sh", "#!/bin/sh\necho 'warning: cache is cold' >&2\necho \"built $1\"\n")])
        defer { folder.remove() }
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["chmod", "+x", folder.path + "/build.sh"]))
        let logs = ["1.8", "1.9", "1.10"].map { Self.line("./build.sh app-\($0)", "built app-\($0)\n", stderr: "warning: cache is cold\n", milliseconds: 40) }
        try Self.record("build", "Build the app.", logs: logs, in: folder, stdout: """
            read 1 action from a.jsonl
            read 1 action from b.jsonl
            read 1 action from c.jsonl
            input 'version' (string, default 1.10): learned from 3 recordings; values seen: 1.8, 1.9, 1.10
            saved build.yaml: 1 step

            """)
        WholeText.expect(try Self.written("build.yaml", in: folder), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: build
            description: Build the app.
            version: 1

            inputs:
              version:
                type: string
                default: '1.10'
                description: 'learned from 3 recordings; values seen: 1.8, 1.9, 1.10'

            steps:
              - id: build_sh
                action: shell
                parameters:
                  command: './build.sh app-{{ inputs.version }}'
                expect:
                  exit_code: 0
                  contains: built
                  stderr_contains: 'warning: cache is cold'

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 40
              avg_duration_ms: 40

            """, "build.yaml")
        let run = try Self.replay("build", ["--set", "version=2.0"], in: folder)
        #expect(run.status == 0)
        #expect(run.outcomes == ["built app-2.0"])
        // The same text on standard output is not what was recorded: the step fails.
        try folder.write("build.sh", "#!/bin/sh\necho 'warning: cache is cold'\necho \"built $1\"\n")
        let moved = try Self.replay("build", ["--set", "version=2.1"], in: folder)
        #expect(moved.status == 1)
        #expect(moved.outcomes == ["warning: cache is cold\nbuilt app-2.1"])
        #expect(moved.errors == ["expected standard error to contain 'warning: cache is cold'; it was ''"])
    }

    @Test("a command the check would refuse with inputs keeps every value as the last log had it, with a warning; nothing is lost")
    func literalFallback() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let logs = ["1.4.0", "1.5.0"].map { Self.line(#"[[ "$(cat VERSION)" -ge \#($0) ]] && echo same"#, "same\n") + Self.line("echo tagged v\($0)", "tagged v\($0)\n") }
        try Self.record(
            "same", "Check the version.", logs: logs, in: folder,
            stdout: """
                read 2 actions from a.jsonl
                read 2 actions from b.jsonl
                warning: every value stays as the last log had it: the procedure with inputs would not pass 'procrun check': a templated value inside arithmetic ('$(( ))', '(( ))', 'let', an operand of '-eq', '-lt'... in '[[ ]]', a subscript) must be an integer: the shell evaluates a variable's text there as an expression, running any '$(...)' in it; use an integer input or '| int'
                saved same.yaml: 2 steps

                """)
        let text = try Self.written("same.yaml", in: folder)
        WholeText.expect(text, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 2 action logs (a.jsonl, b.jsonl).
            name: same
            description: Check the version.
            version: 1

            steps:
              - id: shell
                action: shell
                parameters:
                  command: '[[ "$(cat VERSION)" -ge 1.5.0 ]] && echo same'
                expect:
                  exit_code: 0
                  contains: same

              - id: echo
                action: shell
                parameters:
                  command: echo tagged v1.5.0
                expect:
                  exit_code: 0
                  contains: tagged

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 20
              avg_duration_ms: 20

            """, "same.yaml")
        try ProcrunBinary.expect(["check", "same.yaml"], in: folder.path, stdout: "ok: same.yaml: 'same', 2 steps\n")
    }

    @Test("a secret that differs between logs never reaches the file, as a default or in a description")
    func differingSecret() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let logs = ["100", "250", "120"].map { number in
            Self.line("curl -s -H 'Authorization: Bearer ghp_\(number)\(String(repeating: "a", count: 33))' http://127.0.0.1:9/api/releases", "[]\n")
        }
        try Self.record("releases", "List the releases.", logs: logs, in: folder, stdout: """
            read 1 action from a.jsonl
            read 1 action from b.jsonl
            read 1 action from c.jsonl
            saved releases.yaml: 1 step
            secrets were replaced by inputs; run it with --set github_token=...

            """)
        WholeText.expect(try Self.written("releases.yaml", in: folder), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: releases
            description: List the releases.
            version: 1

            inputs:
              github_token:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: a string shaped like a credential (github token)'

            steps:
              - id: curl
                action: shell
                parameters:
                  command: "curl -s -H 'Authorization: Bearer {{ inputs.github_token }}' http://127.0.0.1:9/api/releases"
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 10
              avg_duration_ms: 10

            """, "releases.yaml")
    }

    @Test("write_file paths are taken from the folder cd went to; a path outside the library replays with outside_library")
    func writeFileFolders() throws {
        let folder = try Self.library([("docs/index.md", "# docs\n")])
        let outside = try TemporaryFolder()
        defer {
            folder.remove()
            outside.remove()
        }
        let logs = [1, 2].map { number in
            Self.line("cd docs")
                + #"{"action":"write_file","parameters":{"path":"notes-\#(number).md","content":"release \#(number)\n"},"outcome":"","status":"success"}"# + "\n"
                + #"{"action":"write_file","parameters":{"path":"\#(outside.path)/scratch-\#(number).txt","content":"x\n"},"status":"success"}"# + "\n"
        }
        try Self.record("notes", "Write the notes.", logs: logs, in: folder, stdout: """
            read 3 actions from a.jsonl
            read 3 actions from b.jsonl
            input 'notes' (integer, default 2): learned from 2 recordings; values seen: 1, 2
            saved notes.yaml: 2 steps

            """)
        let text = try Self.written("notes.yaml", in: folder)
        WholeText.expect(text, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 2 action logs (a.jsonl, b.jsonl).
            name: notes
            description: Write the notes.
            version: 1

            inputs:
              notes:
                type: integer
                default: 2
                description: 'learned from 2 recordings; values seen: 1, 2'

            steps:
              - id: write_file
                action: write_file
                parameters:
                  path: 'docs/notes-{{ inputs.notes }}.md'
                  content: "release {{ inputs.notes }}\\n"

              - id: write_file_2
                action: write_file
                parameters:
                  path: '<tmp>/scratch-{{ inputs.notes }}.txt'
                  content: "x\\n"
                  outside_library: true

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 0
              avg_duration_ms: 0

            """, "notes.yaml", normalizing: [.temporaryFolders])
        let run = try Self.replay("notes", ["--set", "notes=7"], in: folder)
        #expect(run.status == 0)
        #expect(try folder.read("docs/notes-7.md") == "release 7\n")
        #expect(!folder.exists("notes-7.md"))
        #expect(outside.exists("scratch-7.txt"))
    }
}
