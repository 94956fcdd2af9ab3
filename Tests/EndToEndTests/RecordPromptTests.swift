import ProcrunKit
import Testing

/// The record prompt as a person uses it, driven on a pseudo-terminal (Fixtures/pty_run.py types
/// each input half a second after the last): line editing and history, Ctrl-C, `cd`.
@Suite("record prompt on a terminal", .serialized)
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
        let replay = try ProcrunBinary.run(["folders.yaml", "--no-learn"], in: folder.path)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }
}
