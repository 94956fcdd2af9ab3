import ProcrunKit
import Testing

/// The record prompt as a person uses it, driven on a pseudo-terminal (Fixtures/pty_run.py types
/// each input half a second after the last): line editing and history, Ctrl-C, `cd`, the
/// questions asked before saving; and through a pipe (below).
@Suite("record prompt", .serialized)
struct RecordPromptTests {
    /// Runs `procrun record NAME --description ... ARGUMENTS` in `directory` on a terminal, typing
    /// `keys`.
    static func record(_ name: String, in directory: String, typing keys: [String], arguments extra: [String] = []) throws -> (status: Int32, output: String) {
        var arguments = ["python3", ProcrunBinary.fixtures + "/pty_run.py"]
        for key in keys { arguments += ["--input", key] }
        arguments += [ProcrunBinary.path, "record", name, "--description", "typed at a terminal"] + extra
        var spec = ProcessSpec(arguments: arguments)
        spec.workingDirectory = directory
        spec.extraEnvironment = ProcrunBinary.quiet
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)
        return (result.exitCode, result.stdout.text)
    }

    /// The `command:` values of a saved procedure, in order.
    static func commands(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("command: ") ? String(trimmed.dropFirst("command: ".count)) : nil
        }
    }

    @Test("arrow keys move in the line and bring back earlier lines; no escape code is ever recorded")
    func editing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let keys = [
            "echo abc",
            "\u{1B}[D\u{1B}[D",  // Left, Left
            "X\u{1B}[15~",  // a character, then F5, which does nothing
            "\u{1B}[H\u{1B}[3~e\r",  // Home, Delete, retype the 'e'
            "\u{1B}[A\u{1B}[A\u{1B}[B",  // Up, Up (nothing older), Down back to the empty line
            "\u{1B}[A",  // Up: the line before
            "\u{1B}[F zz\u{08}\r",  // End, more text, Backspace
            ":done\r",
            "\r",  // keep the values offered as inputs literal
        ]
        let run = try Self.record("edited", in: folder.path, typing: keys)
        #expect(run.status == 0, "\(run.output)")
        let text = try folder.read("edited.yaml")
        #expect(Self.commands(text) == ["echo aXbc", "echo aXbc z"], "\(text)")
        #expect(!text.contains("\u{1B}") && !text.contains("[D") && !text.contains("15~"))
        #expect(run.output.contains("aXbc z\r\n"))
        #expect(run.output.contains("values that could be inputs:\r\n  1) aXbc in steps echo, echo_2\r\nname them as NAME=N"), "\(run.output)")
    }

    @Test("Ctrl-C ends the running command, not the recording; Ctrl-C at the prompt drops the line")
    func interrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let keys = ["sleep 30\r", "\u{03}", "echo never typed in full\u{03}", "echo after\r", ":done\r"]
        let run = try Self.record("interrupted", in: folder.path, typing: keys)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("interrupted; the recording goes on"))
        #expect(run.output.contains("^C\r\n"))
        let text = try folder.read("interrupted.yaml")
        #expect(Self.commands(text) == ["echo after"], "\(text)")
    }

    @Test("commands run where record started; cd DIR changes the folder of later lines, saved as their cwd, once when most share it")
    func changeFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        try folder.write("work/input.txt", "from work\n")
        try folder.write("sub/input.txt", "from sub\n")
        let keys = [
            "cat input.txt\r", "cd ../sub\r", "cat input.txt\r", "cd nowhere\r", "cd\r", "cat input.txt\r", "cd ../sub && cat input.txt\r",
            ":done\r", "\r",
        ]
        let run = try Self.record("folders", in: folder.path + "/work", typing: keys)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("from work") && run.output.contains("from sub"))
        #expect(run.output.contains("cd: 'nowhere' is not a folder"))
        let text = try folder.read("folders.yaml")
        #expect(Self.commands(text) == ["cat input.txt", "cat input.txt", "cat input.txt", "'cd ../sub && cat input.txt'"], "\(text)")
        let cwds = text.split(separator: "\n").filter { $0.contains("cwd:") }.map { String($0).trimmingCharacters() }
        // The folder three of the four steps ran in is the procedure's; the other keeps its own.
        #expect(cwds == ["cwd: work", "cwd: sub"], "\(text)")
        #expect(text.contains("version: 1\ncwd: work\n"), "\(text)")
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }
        #expect(ids == ["  - id: cat", "  - id: cat_2", "  - id: cat_3", "  - id: cat_4"], "\(text)")
        try ProcrunBinary.expect(["folders.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ folders (folders.yaml, 4 steps)
              1/4 ✓ shell  cat    <duration>
              2/4 ✓ shell  cat_2  <duration>
              3/4 ✓ shell  cat_3  <duration>
              4/4 ✓ shell  cat_4  <duration>
            ✓ folders succeeded in <duration>: 4 succeeded

            """, normalizing: [.durations])
    }
}

/// The prompt driven through a pipe, as a script or a test types into it: step ids, expectations
/// from what every run printed, the offer of inputs before saving, and what `--verify` says.
extension RecordPromptTests {
    /// `text` with what changes from run to run written as placeholders: command times
    /// (`in 3ms`), and the durations and time of the stats block.
    static func stable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            for key in ["total_duration_ms: ", "avg_duration_ms: ", "last_executed: "] where trimmed.hasPrefix(key) {
                return String(line.prefix(line.count - trimmed.count)) + key + "X"
            }
            if line.hasPrefix("✓ exit 0 in "), line.hasSuffix("ms") { return "✓ exit 0 in Nms" }
            return String(line)
        }.joined(separator: "\n")
    }

    /// The stats block of a recording, as ``stable(_:)`` writes it.
    static let stats = """
        stats:
          execution_count: 1
          successes: 1
          failures: 0
          success_rate: 1.000
          total_duration_ms: X
          avg_duration_ms: X
          last_executed: X

        """

    /// A library whose Makefile builds `calc` (printing the recipe), and make speaking English.
    static func makeLibrary() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "actions: {}\n")
        try folder.write("Makefile", "calc:\n\tprintf 'built\\n' > calc\n")
        return folder
    }

    static let english = [("LC_ALL", "C")]

    @Test("output seen once is not expected: a make that was up to date replays after the build output is removed")
    func singleObservation() throws {
        let folder = try Self.makeLibrary()
        defer { folder.remove() }
        try folder.write("calc", "built\n")
        try ProcrunBinary.expect(["record", "build", "--description", "build calc"], in: folder.path, input: "make\n:done\n", environment: Self.english, stdout: """
            recording 'build' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ make
            make: 'calc' is up to date.
            ✓ exit 0 in <duration>
            [2] $ :done
            saved build.yaml: 1 step

            """, normalizing: [.durations])
        #expect(Self.stable(try folder.read("build.yaml")) == """
            \(JSONSchema.modeline)
            # Recorded with procrun record at the prompt.
            name: build
            description: build calc
            version: 1

            steps:
              - id: make
                action: shell
                parameters:
                  command: make
                expect:
                  exit_code: 0

            \(Self.stats)
            """)
        try FileSystem.remove(folder.path + "/calc")
        try ProcrunBinary.expect(["run", "build.yaml", "--no-learn"], in: folder.path, environment: Self.english, stdout: """
            ▶ build (build.yaml, 1 step)
              1/1 ✓ shell  make  <duration>
            ✓ build succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        #expect(try folder.read("calc") == "built\n")
    }

    @Test("steps are named after their program, made unique; a fragment every run of a command printed is expected")
    func idsAndRepeatedFragments() throws {
        let folder = try Self.makeLibrary()
        defer { folder.remove() }
        let session = "make\nmake\necho compiled the site successfully\necho compiled the site successfully\nFOO=1 env -u BAR true\n:done\n"
        try ProcrunBinary.expect(["record", "twice", "--description", "build twice"], in: folder.path, input: session, environment: Self.english, stdout: """
            recording 'twice' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ make
            printf 'built\\n' > calc
            ✓ exit 0 in <duration>
            [2] $ make
            make: 'calc' is up to date.
            ✓ exit 0 in <duration>
            [3] $ echo compiled the site successfully
            compiled the site successfully
            ✓ exit 0 in <duration>
            [4] $ echo compiled the site successfully
            compiled the site successfully
            ✓ exit 0 in <duration>
            [5] $ FOO=1 env -u BAR true
            ✓ exit 0 in <duration>
            [6] $ :done
            saved twice.yaml: 5 steps

            """, normalizing: [.durations])
        #expect(Self.stable(try folder.read("twice.yaml")) == """
            \(JSONSchema.modeline)
            # Recorded with procrun record at the prompt.
            name: twice
            description: build twice
            version: 1

            steps:
              - id: make
                action: shell
                parameters:
                  command: make
                expect:
                  exit_code: 0

              - id: make_2
                action: shell
                parameters:
                  command: make
                expect:
                  exit_code: 0

              - id: echo
                action: shell
                parameters:
                  command: echo compiled the site successfully
                expect:
                  exit_code: 0
                  contains: compiled the site successfully

              - id: echo_2
                action: shell
                parameters:
                  command: echo compiled the site successfully
                expect:
                  exit_code: 0
                  contains: compiled the site successfully

              - id: 'true'
                action: shell
                parameters:
                  command: FOO=1 env -u BAR true
                expect:
                  exit_code: 0

            \(Self.stats)
            """)
        try ProcrunBinary.expect(["check", "twice.yaml"], in: folder.path, stdout: "ok: twice.yaml: 'twice', 5 steps\n")
    }

    /// A library that is a git repository with one commit, so that `git tag` works.
    static func gitLibrary() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "actions: {}\n")
        _ = try ProcrunBinary.runShell(
            ["sh", "-c", "git init -q . && git -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m init"], in: folder.path)
        return folder
    }

    @Test("a version typed in two commands is offered; named, it becomes an input the replay sets")
    func offerAndName() throws {
        let folder = try Self.gitLibrary()
        defer { folder.remove() }
        let session = "git tag v1.4.2\ngit tag --list\necho released v1.4.2\n:done\nversion=9\nversion=1\n"
        try ProcrunBinary.expect(["record", "release", "--description", "tag a release"], in: folder.path, input: session, stdout: """
            recording 'release' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ git tag v1.4.2
            ✓ exit 0 in <duration>
            [2] $ git tag --list
            v1.4.2
            ✓ exit 0 in <duration>
            [3] $ echo released v1.4.2
            released v1.4.2
            ✓ exit 0 in <duration>
            [4] $ :done
            values that could be inputs:
              1) v1.4.2 in steps git_tag, echo
            name them as NAME=N (e.g. version=1), or press Enter to keep them literal: version=9
            name them as NAME=N (e.g. version=1), or press Enter to keep them literal: version=1
            input 'version' replaces v1.4.2 in steps git_tag, echo
            saved release.yaml: 3 steps

            """, stderr: "error: expected the number of a value, 1 to 1, found '9' for version\n", normalizing: [.durations])
        #expect(Self.stable(try folder.read("release.yaml")) == """
            \(JSONSchema.modeline)
            # Recorded with procrun record at the prompt.
            name: release
            description: tag a release
            version: 1

            inputs:
              version:
                type: string
                default: v1.4.2
                description: recorded value

            steps:
              - id: git_tag
                action: shell
                parameters:
                  command: 'git tag {{ inputs.version }}'
                expect:
                  exit_code: 0

              - id: git_tag_2
                action: shell
                parameters:
                  command: git tag --list
                expect:
                  exit_code: 0

              - id: echo
                action: shell
                parameters:
                  command: 'echo released {{ inputs.version }}'
                expect:
                  exit_code: 0

            \(Self.stats)
            """)
        try ProcrunBinary.expect(["run", "release.yaml", "--set", "version=v1.5.0", "--no-learn", "--verbose"], in: folder.path, stdout: """
            ▶ release (release.yaml, 3 steps)
              1/3 … shell  git_tag
              1/3 ✓ shell  git_tag    <duration>
              2/3 … shell  git_tag_2
            v1.4.2
            v1.5.0
              2/3 ✓ shell  git_tag_2  <duration>
              3/3 … shell  echo
            released v1.5.0
              3/3 ✓ shell  echo       <duration>
            ✓ release succeeded in <duration>: 3 succeeded

            """, normalizing: [.durations])
        #expect(try ProcrunBinary.runShell(["git", "tag", "--list"], in: folder.path) == "v1.4.2\nv1.5.0\n")
    }

    @Test("the end of input keeps the values literal")
    func offerDeclined() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        try ProcrunBinary.expect(["record", "wait", "--description", "d"], in: folder.path, input: "sleep 0.01\n:done\n", stdout: """
            recording 'wait' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ sleep 0.01
            ✓ exit 0 in <duration>
            [2] $ :done
            values that could be inputs:
              1) 0.01 in step sleep
            name them as NAME=N (e.g. version=1), or press Enter to keep them literal:\u{20}
            saved wait.yaml: 1 step

            """, normalizing: [.durations])
        WholeText.expect(Self.stable(try folder.read("wait.yaml")), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record at the prompt.
            name: wait
            description: d
            version: 1

            steps:
              - id: sleep
                action: shell
                parameters:
                  command: sleep 0.01
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: X
              avg_duration_ms: X
              last_executed: X

            """, "wait.yaml")
    }

    @Test("a value named where the shell-safety rules refuse one stays literal there, with a warning")
    func offerRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let session = "echo building v2.0.1\npython3 -c \"print('v2.0.1')\"\n:done\nversion=1\n"
        try ProcrunBinary.expect(["record", "build", "--description", "d"], in: folder.path, input: session, stdout: """
            recording 'build' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo building v2.0.1
            building v2.0.1
            ✓ exit 0 in <duration>
            [2] $ python3 -c "print('v2.0.1')"
            v2.0.1
            ✓ exit 0 in <duration>
            [3] $ :done
            values that could be inputs:
              1) v2.0.1 in steps echo, python3
            name them as NAME=N (e.g. version=1), or press Enter to keep them literal: version=1
            input 'version' replaces v2.0.1 in step echo
            saved build.yaml: 2 steps

            """, stderr: """
            warning: 'v2.0.1' is left literal in step python3: a templated value here would run as code: 'python3 -c' runs this word as code

            """, normalizing: [.durations])
        let text = try folder.read("build.yaml")
        #expect(Self.commands(text) == ["'echo building {{ inputs.version }}'", "\"python3 -c \\\"print('v2.0.1')\\\"\""], "\(text)")
        try ProcrunBinary.expect(["run", "build.yaml", "--set", "version=v3.0.0", "--no-learn"], in: folder.path, stdout: """
            ▶ build (build.yaml, 2 steps)
              1/2 ✓ shell  echo     <duration>
              2/2 ✓ shell  python3  <duration>
            ✓ build succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
    }

    @Test("--verify says that it runs the steps again for real before it does")
    func verifyMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
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
    }

    @Test("on a terminal --verify asks before it runs anything; anything but y saves nothing")
    func verifyAsks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let declined = try Self.record("kept", in: folder.path, typing: ["echo ok\r", ":done\r", "n\r"], arguments: ["--verify"])
        #expect(declined.status == 1, "\(declined.output)")
        #expect(declined.output.contains("verifying: this replays the step for real (its command runs again in \(folder.path)); use --dry-run to only check and print the procedure\r\nrun them? [y/N] "), "\(declined.output)")
        #expect(declined.output.contains("not verified; nothing was saved"))
        #expect(!folder.exists("kept.yaml"))
        let accepted = try Self.record("kept", in: folder.path, typing: ["echo ok\r", ":done\r", "y\r"], arguments: ["--verify"])
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.contains("verified: the replay succeeded"))
        #expect(folder.exists("kept.yaml"))
    }
}
