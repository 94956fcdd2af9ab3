import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// The interactive half of `procrun record`: a prompt where each typed line runs as a command
/// (its output shown live) and lines starting with `:` control the recording. On a terminal the
/// prompt is a ``LineEditor``. Commands run in the folder `record` was started from; `cd DIR`
/// changes it for the lines after, which are saved with that folder as their `cwd`.
struct RecordingSession {
    var recorder: Recorder
    let library: Library
    let input: LineReader
    let output: TextOutput
    let errors: TextOutput
    let renderer: DiagnosticRenderer

    static let commands = [":done", ":undo", ":note", ":expect", ":abort", ":steps", ":help"]
    static func help(folder: String) -> String {
        """
        type a command to run and record it; failed commands are shown but not saved.
          :done          save the successful steps and finish (end of input does the same)
          :undo          drop the last recorded step
          :note TEXT     attach a note to the last successful step
          :expect TEXT   require the last successful step's output to contain TEXT
          :steps         list the steps recorded so far
          :abort         finish without saving anything
          cd DIR         run the next commands in DIR (saved as their cwd, not as a step)
        commands run one at a time in \(folder), as a shell step would; Ctrl-C ends the running command

        """
    }

    /// Runs the prompt until `:done` or the end of input (true) or `:abort` / an interrupt (false).
    mutating func run() -> Bool {
        Interrupts.install()
        let start = FileSystem.currentDirectory()
        let root = FileSystem.realPath(library.root) ?? FileSystem.absolute(library.root)
        var folder = start
        let editor = input.isTerminal && LineEditor.available() ? LineEditor() : nil
        output.write("recording '\(recorder.name)' in \(library.root): type commands to run; :done saves, :abort quits, :help lists more\n")
        while true {
            let prompt = "[\(recorder.steps.count + 1)] $ "
            let line: String
            if let editor {
                output.flush()
                switch editor.read(prompt: prompt) {
                case .line(let typed): line = typed
                case .cancelled: continue
                case .end: return true
                case .interrupted: return false
                }
            } else {
                output.write(prompt)
                output.flush()
                guard let typed = input.next() else {
                    if Interrupts.received { return false }
                    output.write("\n")
                    return true
                }
                line = typed
                if !input.isTerminal { output.write(line + "\n") }
            }
            let trimmed = line.trimmed()
            if trimmed.isEmpty { continue }
            if let target = Self.changedFolder(trimmed, from: folder, start: start) {
                switch target {
                case .success(let path):
                    folder = path
                    output.write("now in \(path)\n")
                case .failure(let problem):
                    say(problem.problem)
                }
                continue
            }
            if trimmed.hasPrefix(":") {
                switch control(trimmed) {
                case .some(true): return true
                case .some(false): return false
                case .none: continue
                }
            }
            var step = Self.runCommand(trimmed, in: folder, output: output, errors: errors, renderer: renderer)
            if Interrupts.received {
                // Ctrl-C ended the command (its process group), not the recording.
                Interrupts.reset()
                output.write("\ninterrupted; the recording goes on (:abort quits without saving)\n")
            }
            if let cwd = Self.relativePath(from: root, to: FileSystem.realPath(folder) ?? folder) {
                step.parameters.append(RecordedParameter("cwd", .string(cwd)))
            }
            recorder.record(step)
            let time = DurationText.format(milliseconds: step.durationMilliseconds)
            if step.succeeded {
                output.write("✓ exit 0 in \(time)\n")
            } else {
                output.write("✗ exit \(step.exitCode ?? 127) in \(time); failed commands are not saved\n")
            }
        }
    }

    /// A problem with a `cd` line.
    struct FolderProblem: Error {
        var problem: CommandProblem
    }

    /// For a `cd DIR` line, the folder it names (absolute; `cd` alone: the folder `record` started
    /// from), or why it cannot be used; nil for any other line, `cd sub && make` among them (a
    /// command, run as typed).
    static func changedFolder(_ line: String, from folder: String, start: String) -> Result<String, FolderProblem>? {
        guard line == "cd" || line.hasPrefix("cd ") || line.hasPrefix("cd\t") else { return nil }
        var argument = String(line.dropFirst(2)).trimmed()
        if argument.count >= 2, let first = argument.first, first == "'" || first == "\"", argument.last == first {
            argument = String(argument.dropFirst().dropLast())
        } else if argument.contains(where: { " \t;&|<>$`()\\\"'*?".contains($0) }) {
            return nil
        }
        if argument.isEmpty { return .success(start) }
        if argument == "~" || argument.hasPrefix("~/"), let home = FileSystem.environment("HOME") {
            argument = home + argument.dropFirst()
        }
        let path = FileSystem.absolute(FileSystem.join(folder, argument))
        guard FileSystem.isDirectory(path) else { return .failure(FolderProblem(problem: .notAFolder(argument: argument))) }
        return .success(path)
    }

    /// `folder` relative to `root` (`sub/dir`, `..`, `../other`), or nil when they are the same.
    static func relativePath(from root: String, to folder: String) -> String? {
        let base = root.split(separator: "/")
        let target = folder.split(separator: "/")
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Handles a `:` line; true to finish, false to abort, nil to go on.
    private mutating func control(_ line: String) -> Bool? {
        let word = String(line.prefix { $0 != " " })
        let argument = String(line.dropFirst(word.count)).trimmed()
        switch word {
        case ":done": return true
        case ":abort": return false
        case ":undo":
            if let step = recorder.undo() {
                output.write("dropped step \(recorder.steps.count + 1): \(step.summary)\n")
            } else {
                say(.nothingToUndo)
            }
        case ":note", ":expect":
            guard !argument.isEmpty else {
                say(.controlNeedsText(command: word))
                return nil
            }
            do {
                let number = word == ":note" ? try recorder.note(argument) : try recorder.expect(argument)
                output.write("\(word == ":note" ? "note" : "expectation") added to step \(number)\n")
            } catch {
                say(.promptReply(error.message))
            }
        case ":steps":
            if recorder.steps.isEmpty { output.write("no steps yet\n") }
            for (index, step) in recorder.steps.enumerated() {
                output.write("  \(index + 1). \(step.succeeded ? "✓" : "✗") \(step.summary)\n")
            }
        case ":help":
            output.write(Self.help(folder: library.root))
        default:
            say(.unknownControl(command: word, known: Self.commands))
        }
        return nil
    }

    private func say(_ problem: CommandProblem) {
        Self.report(problem, output: output, errors: errors, renderer: renderer)
    }

    /// Prints an error through the one renderer, after what is already on standard output.
    static func report(_ problem: CommandProblem, output: TextOutput, errors: TextOutput, renderer: DiagnosticRenderer) {
        output.flush()
        errors.write(renderer.render(Diagnostic(problem)))
        errors.flush()
    }

    /// Runs one typed command as procrun would run it in a `shell` step, echoing its output.
    static func runCommand(_ line: String, in folder: String, output: TextOutput, errors: TextOutput, renderer: DiagnosticRenderer) -> RecordedStep {
        let started = NanosecondClock.now()
        var spec = ProcessSpec(arguments: [])
        do {
            switch try ShellPlanner.plan([.text(line)]) {
            case .direct(let arguments): spec.arguments = arguments
            case .shell(let script, let environment):
                spec.arguments = ["/bin/sh", "-c", script]
                spec.extraEnvironment = environment.map { ($0.name, $0.value) }
            }
        } catch {
            report(.promptReply(error.message), output: output, errors: errors, renderer: renderer)
            return .shell(line, output: "", exitCode: 2, durationMilliseconds: 0)
        }
        if folder != FileSystem.currentDirectory() { spec.workingDirectory = folder }
        output.flush()
        // What the command prints is shown as it comes, but can never change the terminal.
        let shown = ShownStreams(keepColor: TextOutput.standardOutput.wantsColor)
        spec.onOutput = { stream, bytes in shown.write(bytes, stream: stream) }
        let milliseconds = { Int((NanosecondClock.now() &- started) / 1_000_000) }
        defer { shown.finish() }
        do {
            let result = try ProcessRunner.run(spec)
            return .shell(line, output: result.stdout.text, exitCode: Int(result.exitCode), durationMilliseconds: milliseconds())
        } catch {
            report(.promptReply(error.message), output: output, errors: errors, renderer: renderer)
            return .shell(line, output: "", exitCode: 127, durationMilliseconds: milliseconds())
        }
    }
}

/// A command's two output streams shown on procrun's own, each through a ``TerminalSanitizer``.
private final class ShownStreams: @unchecked Sendable {
    private var sanitizers: [TerminalSanitizer]

    init(keepColor: Bool) {
        sanitizers = [TerminalSanitizer(keepColor: keepColor), TerminalSanitizer(keepColor: keepColor)]
    }

    func write(_ bytes: UnsafeRawBufferPointer, stream: OutputStream) {
        let index = stream == .stdout ? 0 : 1
        var out: [UInt8] = []
        sanitizers[index].feed(bytes, into: &out)
        emit(out, index)
    }

    func finish() {
        for index in sanitizers.indices {
            var out: [UInt8] = []
            sanitizers[index].finish(into: &out)
            emit(out, index)
        }
    }

    private func emit(_ out: [UInt8], _ index: Int) {
        guard !out.isEmpty else { return }
        let target = index == 0 ? TextOutput.standardOutput : TextOutput.standardError
        out.withUnsafeBytes { target.write($0) }
        target.flush()
    }
}

extension RecordedStep {
    /// A one-line description: the command, or the action and its parameters.
    var summary: String {
        if action == "shell", let command = parameters.first(where: { $0.name == "command" }), case .string(let text) = command.value {
            return text.excerpt(60)
        }
        return action + " " + parameters.map { "\($0.name)=\($0.value.jsonText)" }.joined(separator: " ").excerpt(60)
    }
}
