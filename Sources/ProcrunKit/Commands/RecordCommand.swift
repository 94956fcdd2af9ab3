package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun record NAME`: records a procedure from commands typed at a prompt, or from an agent's
/// action log (`--from`), and saves the successful steps as `NAME.yaml` in the library.
package struct RecordCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a procedure from commands typed at a prompt, or from an agent's action log.",
        discussion: """
            At the prompt, each line runs as a command; :done saves, :undo drops the last step, :note TEXT and :expect TEXT annotate it, :abort quits. \
            Steps are named after their program (make, git_tag); a command's output is expected only when asked (:expect) or when every run of the same command printed it. \
            Before saving, versions, numbers and words used by several commands are offered as inputs: answer NAME=N (version=1) or press Enter.

            Examples:
              # record commands typed at the prompt (:done saves)
              procrun record deploy_backend --description "Deploy the backend"
              # record from an agent's action log, replayed once first
              procrun record release --from log.jsonl --description "A release" --verify
              # print the procedure instead of saving it
              procrun record release --from log.jsonl --description "A release" --dry-run
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure's name.
    @Argument(help: "The procedure's name; it is saved as NAME.yaml in the library.")
    var name: String
    /// `--description TEXT`.
    @Option(help: ArgumentHelp("What the procedure does and when to use it.", valueName: "TEXT"))
    var description: String
    /// `--tags a,b`.
    @Option(help: ArgumentHelp("Comma-separated words for finding it.", valueName: "a,b"))
    var tags: String?
    /// `--from FILE` (repeatable): action logs (JSON lines) instead of the prompt; `-` reads
    /// standard input. Several logs of one task are generalized into one procedure
    /// (``TraceGeneralizer``).
    @Option(help: ArgumentHelp("Build the procedure from an action log (one JSON object per line; - for standard input) instead of the prompt; repeat it to generalize several logs of one task.", valueName: "FILE"))
    var from: [String] = []
    /// `--keep-optional`: with several logs, keep the steps only some performed, behind a condition.
    @Flag(help: "With several logs, keep the steps only some of them performed, each behind a new boolean input.")
    var keepOptional = false
    /// `--dry-run`: print the procedure instead of saving it.
    @Flag(help: "Print the procedure instead of saving it.")
    var dryRun = false
    /// `--force`: replace an existing procedure of the same name.
    @Flag(help: "Replace an existing procedure of the same name.")
    var force = false
    /// `--new-version`: save as the next version, archiving the old file.
    @Flag(help: "Save as the next version of an existing procedure; the old file moves to archive/.")
    var newVersion = false
    /// `--verify`: replay once, for real, before saving (asking first on a terminal); save only if
    /// the replay succeeds.
    @Flag(help: "Replay the new procedure once before saving it, for real: its commands run again in the library (on a terminal it asks first; --dry-run only checks and prints). Save only if the replay succeeds.")
    var verify = false
    /// `--secret NAME`: environment variables whose values are secret (besides those named like secrets).
    @Option(name: .customLong("secret"), help: ArgumentHelp("An environment variable whose value is secret (repeatable).", valueName: "NAME"))
    var secretNames: [String] = []
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption
    /// Where typed commands come from (standard input).
    var input = LineReader(descriptor: 0)

    /// What the command line sets: all but ``input``.
    enum CodingKeys: CodingKey {
        case name, description, tags, from, keepOptional, dryRun, force, newVersion, verify, secretNames, library, color
    }

    /// A recording as the command line gives it (the name and `--description` are required).
    package init() {}

    /// `--tags`: the words between its commas, without the spaces around them; empty ones left out.
    var tagList: [String] {
        (tags ?? "").split(separator: ",").map { word in
            var text = word
            while text.first == " " { text.removeFirst() }
            while text.last == " " { text.removeLast() }
            return String(text)
        }.filter { !$0.isEmpty }
    }

    /// Records and saves; the result is 0 when a procedure was saved, 1 when nothing was (aborted,
    /// no successful step, failed verification), 2 for invalid input.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        func fail(_ failure: CommandFailure) -> Int32 {
            stdout.flush()
            return stderr.end(failure, renderer)
        }
        guard !description.isEmpty else { return fail(.invalid([Diagnostic(CommandProblem.descriptionRequired)])) }
        if force && newVersion { return fail(.invalid([Diagnostic(CommandProblem.exclusiveOptions("--force", "--new-version"))])) }
        let found: Library
        let plan: ProcedureStore.Plan
        do {
            found = try Library.locate(override: library.path)
            plan = try ProcedureStore(library: found).plan(name, policy: force ? .replace : newVersion ? .newVersion : .refuse)
        } catch {
            return fail(.invalid(error.diagnostics))
        }
        for secret in secretNames where FileSystem.environment(secret) == nil {
            return fail(.invalid([Diagnostic(CommandProblem.secretNotSet(name: secret))]))
        }
        var recorder = Recorder(name: name, description: description, tags: tagList, library: found, secretNames: secretNames)

        if !from.isEmpty {
            var logs: [[RecordedStep]] = []
            for log in from {
                switch readLog(log, library: found) {
                case .success(let steps):
                    logs.append(steps)
                    stdout.write("read \(steps.count) action\(steps.count == 1 ? "" : "s") from \(log == "-" ? "standard input" : log)\n")
                case .failure(let error): return fail(.invalid(error.diagnostics))
                }
            }
            var recording = ActionRecording(recorder: recorder, library: found, source: source)
            recording.keepOptional = keepOptional
            guard let made = recording.make(logs, plan: plan) else {
                stdout.write(recording.nothingSucceeded(logs).message + "\n")
                stdout.flush()
                return CommandFailure.failed().exitStatus
            }
            if let outcome = made.generalized { report(outcome, logs: logs.count, stdout: stdout) }
            return save(made.draft, dropped: made.dropped, plan: plan, library: found, stdout: stdout, fail: fail)
        }
        var session = RecordingSession(recorder: recorder, library: found, input: input, output: stdout, errors: stderr, renderer: renderer)
        guard session.run() else {
            stdout.write("recording abandoned; nothing was saved\n")
            stdout.flush()
            return CommandFailure.failed().exitStatus
        }
        recorder = session.recorder
        guard var draft = recorder.draft(version: plan.version) else {
            stdout.write(recorder.nothingSucceeded.message + "\n")
            stdout.flush()
            return CommandFailure.failed().exitStatus
        }
        if !offerInputs(&draft, stdout: stdout, stderr: stderr, renderer: renderer) {
            stdout.write("recording abandoned; nothing was saved\n")
            stdout.flush()
            return CommandFailure.failed().exitStatus
        }
        return save(draft, dropped: recorder.steps.count - recorder.successfulSteps.count, plan: plan, library: found, stdout: stdout, fail: fail)
    }

    /// The steps of the action log at `path` (`-`: standard input), each action checked against
    /// what the library runs.
    private func readLog(_ path: String, library found: Library) -> Result<[RecordedStep], DiagnosticsError> {
        let text: String
        if path == "-" {
            var lines: [String] = []
            while let line = input.next() { lines.append(line) }
            text = lines.joined(separator: "\n")
        } else {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, streams: true)
            } catch {
                return .failure(DiagnosticsError([Diagnostic(CommandProblem.logUnreadable(reason: error.description))]))
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                return .failure(DiagnosticsError([Diagnostic(CommandProblem.logNotUTF8(path: path))]))
            }
            text = decoded
        }
        do {
            let steps = try ActionLog.read(text, path: path)
            let index = ProcedureIndex(root: found.root)
            let known = Set(BuiltinActions.names).union(found.actions.keys).union(index.names)
            let unknown = steps.filter { $0.succeeded && !found.runs($0.action, index: index) }.map { step in
                Diagnostic(
                    CommandProblem.logUnknownAction(action: step.action, known: Array(known)), path: path,
                    at: SourceLocation(line: step.sourceLine ?? 1, column: 1, offset: 0))
            }
            return unknown.isEmpty ? .success(steps) : .failure(DiagnosticsError(unknown))
        } catch {
            return .failure(error)
        }
    }

    /// Where the recording's actions come from: the prompt, one log, or several logs by their file names.
    private var source: RecordingSource {
        switch from.count {
        case 0: .prompt
        case 1: .actions
        default: .logs(from.map { ($0.split(separator: "/").last).map(String.init) ?? $0 })
        }
    }

    /// Says what generalizing `count` logs found: steps only some performed, parameters whose
    /// structured values differed, values left literal, and the inputs made.
    private func report(_ outcome: TraceGeneralizer.Outcome, logs count: Int, stdout: TextOutput) {
        for step in outcome.optionalSteps {
            let fate = step.input.map { "kept, run when inputs.\($0) is true" } ?? "left out (--keep-optional keeps it behind a condition)"
            stdout.write("step '\(step.label)' was performed in \(step.seenIn) of \(count) logs: \(fate)\n")
        }
        for parameter in outcome.keptLast {
            stdout.write("parameter '\(parameter)' differed between logs and is not text: the last log's value was kept\n")
        }
        for warning in outcome.literalValues { stdout.write("warning: \(warning)\n") }
        for input in outcome.draft.learnedInputs where !input.name.hasPrefix("include_") || input.type != "boolean" {
            stdout.write("input '\(input.name)' (\(input.type), default \(input.defaultValue ?? "none")): \(input.description)\n")
        }
    }

    private func save(
        _ draft: ProcedureDraft, dropped: Int, plan: ProcedureStore.Plan, library found: Library, stdout: TextOutput,
        fail: (CommandFailure) -> Int32
    ) -> Int32 {
        let text = source.text(of: draft)
        let store = ProcedureStore(library: found)
        do {
            _ = try store.validate(text, at: plan.path)
        } catch {
            return fail(.invalid(error.diagnostics + [Diagnostic(CommandProblem.recordingInvalid(path: plan.path))]))
        }
        if dryRun {
            stdout.write(text)
            stdout.write("(dry run: nothing was saved to \(plan.path))\n")
            stdout.flush()
            return ExitStatus.success
        }
        if verify {
            guard confirmVerify(steps: draft.steps.count, root: FileSystem.absolute(found.root), stdout: stdout) else {
                stdout.write("not verified; nothing was saved\n")
                stdout.flush()
                return CommandFailure.failed().exitStatus
            }
            stdout.flush()
            let report: RunReport
            do {
                report = try store.verify(text, name: name, secrets: draft.inputs)
            } catch {
                return fail(.invalid(error.diagnostics))
            }
            guard report.success else {
                let reason = report.firstFailure.map { "step \($0.number) (\($0.action)) failed: \($0.error ?? "failed")" } ?? report.error ?? "the replay failed"
                return fail(.failed([Diagnostic(CommandProblem.verificationFailed(reason: reason))]))
            }
            stdout.write("verified: the replay succeeded\n")
        }
        do {
            try store.write(text, plan: plan)
        } catch {
            return fail(.invalid(error.diagnostics))
        }
        if let archive = plan.archive { stdout.write("moved the previous version to \(archive.to)\n") }
        let kept = draft.steps.count
        stdout.write("saved \(plan.path): \(kept) step\(kept == 1 ? "" : "s")")
        if dropped > 0 { stdout.write(", \(dropped) failed step\(dropped == 1 ? "" : "s") left out") }
        stdout.write(plan.replaces ? " (replaced the existing file)\n" : "\n")
        if !draft.inputs.isEmpty {
            stdout.write("secrets were replaced by inputs; run it with " + draft.inputs.map { "--set \($0.name)=..." }.joined(separator: " ") + "\n")
        }
        stdout.flush()
        return ExitStatus.success
    }
}
