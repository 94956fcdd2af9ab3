import ProcrunKit
import Testing

/// The record prompt as a person uses it, driven on a pseudo-terminal (Fixtures/pty_run.py types
/// each input half a second after the last): line editing and history, Ctrl-C, `cd`; and through a
/// pipe (below).
@Suite("record prompt", .serialized)
struct RecordPromptTests {
    /// Runs `procrun record NAME --description ...` in `directory` on a terminal, typing `keys`.
    static func record(_ name: String, in directory: String, typing keys: [String]) throws -> (status: Int32, output: String) {
        var arguments = ["python3", ProcrunBinary.fixtures + "/pty_run.py"]
        for key in keys { arguments += ["--input", key] }
        arguments += [ProcrunBinary.path, "record", name, "--description", "typed at a terminal"]
        var spec = ProcessSpec(arguments: arguments)
        spec.workingDirectory = directory
        spec.extraEnvironment = [("NO_COLOR", "1")]
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
        ]
        let run = try Self.record("edited", in: folder.path, typing: keys)
        #expect(run.status == 0, "\(run.output)")
        let text = try folder.read("edited.yaml")
        #expect(Self.commands(text) == ["echo aXbc", "echo aXbc z"], "\(text)")
        #expect(!text.contains("\u{1B}") && !text.contains("[D") && !text.contains("15~"))
        #expect(run.output.contains("aXbc z\r\n"))
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

    @Test("commands run where record started; cd DIR changes the folder of later lines, saved as their cwd")
    func changeFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        try folder.write("work/input.txt", "from work\n")
        try folder.write("sub/input.txt", "from sub\n")
        let keys = [
            "cat input.txt\r", "cd ../sub\r", "cat input.txt\r", "cd nowhere\r", "cd\r", "cat input.txt\r", "cd ../sub && cat input.txt\r",
            ":done\r",
        ]
        let run = try Self.record("folders", in: folder.path + "/work", typing: keys)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("from work") && run.output.contains("from sub"))
        #expect(run.output.contains("cd: 'nowhere' is not a folder"))
        let text = try folder.read("folders.yaml")
        #expect(Self.commands(text) == ["cat input.txt", "cat input.txt", "cat input.txt", "'cd ../sub && cat input.txt'"], "\(text)")
        let cwds = text.split(separator: "\n").filter { $0.contains("cwd:") }.map { String($0).trimmingCharacters() }
        #expect(cwds == ["cwd: work", "cwd: sub", "cwd: work", "cwd: work"], "\(text)")
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }
        #expect(ids == ["  - id: cat", "  - id: cat_2", "  - id: cat_3", "  - id: cat_4"], "\(text)")
        let replay = try ProcrunBinary.run(["folders.yaml", "--no-learn"], in: folder.path)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }
}

/// The prompt driven through a pipe, as a script or a test types into it: step ids, and
/// expectations from what every run printed.
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
        let run = try ProcrunBinary.run(["record", "build", "--description", "build calc"], in: folder.path, input: "make\n:done\n", environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.stable(run.stdout) == """
            recording 'build' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ make
            make: 'calc' is up to date.
            ✓ exit 0 in Nms
            [2] $ :done
            saved build.yaml: 1 step

            """)
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
        let replay = try ProcrunBinary.run(["run", "build.yaml", "--no-learn"], in: folder.path, environment: Self.english)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(try folder.read("calc") == "built\n")
    }

    @Test("steps are named after their program, made unique; a fragment every run of a command printed is expected")
    func idsAndRepeatedFragments() throws {
        let folder = try Self.makeLibrary()
        defer { folder.remove() }
        let session = "make\nmake\necho compiled the site successfully\necho compiled the site successfully\nFOO=1 env -u BAR true\n:done\n"
        let run = try ProcrunBinary.run(["record", "twice", "--description", "build twice"], in: folder.path, input: session, environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("[6] $ :done\nsaved twice.yaml: 5 steps\n"), "\(run.stdout)")
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
        #expect(try ProcrunBinary.run(["check", "twice.yaml"], in: folder.path).status == 0)
    }
}
