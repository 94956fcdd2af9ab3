package import ProcrunLanguage
package import ProcrunSystem
import ProcrunText

/// The terminal view of a run: one line per step (number, mark, action, id, duration), the error
/// and last output lines of a failed step under it, and a summary line. Colour only on a terminal.
///
/// Text that comes from a step (its output, streamed or as the tail under a failure, log messages)
/// goes through a ``TerminalSanitizer`` first: it can never change the terminal's state, and only
/// its colour passes, and only when procrun itself uses colour.
/// On a terminal a running step's line is rewritten in place (with the time elapsed once it has run
/// for a second). In a pipe or a file (a CI log) each step is one line, printed when it finishes; a
/// step's start is a line of its own only once it has run for five seconds, or with `--verbose`;
/// a parallel group's steps are printed in file order when the group ends (``held``).
/// With ``workflowCommands`` (GitHub Actions), a called procedure's steps are a foldable group and
/// each failed step is an annotation at its place in its file.
package final class ProgressPrinter: RunObserver {
    let output: TextOutput
    private let color: Bool
    let live: Bool
    private let streaming: Bool
    /// Whether GitHub Actions workflow commands are written: `::group::` around each procedure the
    /// run's own procedure calls (groups do not nest in Actions), `::error` for each failed step.
    let workflowCommands: Bool
    private var actionWidth = 0
    private var idWidth = 0
    private(set) var total = 0
    private var pendingLogs: [(String, LogLevel)] = []
    private var lineOpen = false
    /// The state of streamed standard output and standard error, which may split a sequence.
    private var streamed: [TerminalSanitizer]
    /// Whether the `finally` line of the procedure at hand was printed.
    private var finallyShown = false
    private let dryRun: Bool
    /// Updates a running step's line on a terminal; prints it in a pipe once the step runs long.
    private let ticker: ElapsedTicker?
    /// In a pipe: whether the ticker holds a start line it may still print.
    private var announcing = false
    /// The column layouts of the procedures whose call steps are running, outermost first.
    private(set) var outer: [(total: Int, actionWidth: Int, idWidth: Int, finallyShown: Bool)] = []
    /// In a pipe: the parallel groups whose steps' output is held until the group ends, innermost last.
    var held: [HeldGroup] = []
    /// The procedure the run is of, for the summary's count of steps not run.
    var root: Procedure?
    /// Four spaces per level of nesting.
    private var indent: String { String(repeating: "    ", count: outer.count) }

    /// Creates a printer writing to `output`; `streaming` when command output is shown as it comes;
    /// `workflowCommands` for GitHub Actions' groups and annotations.
    package init(output: TextOutput, color: Bool, streaming: Bool = false, dryRun: Bool = false, workflowCommands: Bool = false) {
        self.dryRun = dryRun
        self.output = output
        self.color = color
        self.live = output.isTerminal && !streaming && !dryRun
        self.streaming = streaming
        self.workflowCommands = workflowCommands
        streamed = [TerminalSanitizer(keepColor: color), TerminalSanitizer(keepColor: color)]
        let dim = color
        let mode: ElapsedTicker.Mode? = live ? .rewrite : streaming || dryRun ? nil : .announce
        ticker = mode.map { ElapsedTicker(descriptor: output.descriptor, mode: $0, paint: { dim ? "\u{1B}[2m\($0)\u{1B}[0m" : $0 }) }
    }

    deinit {
        ticker?.stop()
    }

    /// Prints the header and sizes the columns for a procedure.
    package func begin(_ procedure: Procedure) {
        root = procedure
        layOut(procedure)
        output.write(paint("▶ \(procedure.name.value)", "1") + paint(" (\(procedure.file.path), \(total) step\(total == 1 ? "" : "s"))", "2") + "\n")
        // A dry run checks no precondition: it says which it would check.
        if dryRun { showPreconditions(procedure.preconditions, indent: "  ") }
        output.flush()
    }

    /// In a dry run, the preconditions a run would check, one line each (`precondition: that ...`).
    private func showPreconditions(_ preconditions: [Precondition], indent: String) {
        for precondition in preconditions {
            emit(indent + paint("precondition: ", "2") + clean(SecretRedactor.credentialShapes.masking(precondition.shown)) + "\n")
        }
    }

    package func stepStarted(_ step: Step, of procedure: Procedure) {
        // A dry run runs nothing that takes time: its lines say it all.
        if dryRun, !streaming { return }
        // A call step announces itself with its `↳ calls ...` line; a "…" line of its own first
        // would say the same thing twice.
        if !live, case .procedure = step.call { return }
        // In a pipe, steps of a parallel group report when they are done: they are not running.
        if !live, !streaming, step.group != nil || !held.isEmpty { return }
        // A parallel group's line gives way to its steps' lines as they finish.
        closeLine()
        hold(step, of: procedure)
        announceFinally(step, of: procedure)
        let text = prefix(step) + paint("…", "2") + " " + columns(step)
        if live {
            openLine(text)
        } else if streaming {
            emit(text.trimmingTrailingSpaces() + "\n")
            output.flush()
        } else {
            settle()
            output.flush()
            ticker?.show(text.trimmingTrailingSpaces())
            announcing = true
        }
    }

    /// On a terminal, a parallel group's running line comes back under its steps' lines, with how
    /// many have finished and the group's own time.
    package func groupRunning(_ step: Step, done: Int, of total: Int, since started: ContinuousClock.Instant, of procedure: Procedure) {
        guard live, !lineOpen else { return }
        openLine(prefix(step) + paint("…", "2") + " " + columns(step) + paint("  \(done) of \(total) done", "2"), since: started)
    }

    /// On a terminal: a running step's line, left open for the ticker to add the time since `started`.
    private func openLine(_ text: String, since started: ContinuousClock.Instant = .now) {
        output.write(text)
        lineOpen = true
        output.flush()
        ticker?.show(text, since: started)
    }

    /// Takes the running step's line back from the ticker and clears it.
    private func closeLine() {
        guard lineOpen else { return }
        ticker?.clear()
        output.write("\r\u{1B}[K")
        lineOpen = false
    }

    package func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure) {
        endStreams()
        closeLine()
        // (A resumed run reports a parallel group before its steps: nothing to hold.)
        if !result.restored { hold(step, of: procedure) }
        releaseGroup(step)
        announceFinally(step, of: procedure)
        var retried = result.attempts > 1 ? paint(" (\(result.attempts) attempts)", "2") : ""
        if let items = result.iterations {
            let failed = items.count { $0.status == .failed }
            let noun = items.first?.matrixEntry == nil ? items.count == 1 ? "item" : "items" : items.count == 1 ? "entry" : "entries"
            retried = paint(" (\(items.count) \(noun)\(failed > 0 ? ", \(failed) failed" : ""))", "2")
        }
        emit(prefix(step) + mark(result) + " " + columns(step) + "  " + time(result) + retried + "\n")
        let detail = indent + "      "
        // A matrix's entries, each named by its values: `test (os=linux, py=3.11)`.
        for entry in result.iterations ?? [] {
            guard let values = entry.matrixEntry else { break }
            emit(detail + mark(entry) + " " + step.displayName + " (" + clean(SecretRedactor.credentialShapes.masking(values.label)) + ")  " + time(entry) + "\n")
            // Why an entry run side by side did not run or was ended (fail_fast).
            if entry.status == .skipped, let reason = entry.error { emit(detail + "  " + paint(TerminalSanitizer.clean(reason), "2") + "\n") }
        }
        for (message, level) in pendingLogs {
            let shown = level == .info ? message : "\(level.rawValue): \(message)"
            for line in clean(shown).split(separator: "\n", omittingEmptySubsequences: false) {
                emit(detail + String(line) + "\n")
            }
        }
        pendingLogs.removeAll()
        if dryRun, result.status == .success, step.call.hasEffects {
            for line in clean(result.outcome).split(separator: "\n", omittingEmptySubsequences: false) {
                emit(detail + String(line) + "\n")
            }
        }
        if dryRun, result.status == .success, !step.hasDefaultSettings { showPreconditions(step.preconditions, indent: detail) }
        if result.status == .skipped, let error = result.error {
            // Why a step of a parallel group did not run or was ended (fail_fast).
            emit(detail + paint(TerminalSanitizer.clean(error), "2") + "\n")
        }
        if result.status == .failed {
            if let error = result.error { emit(detail + paint("error: ", "31;1") + TerminalSanitizer.clean(error) + "\n") }
            if let diagnostic = result.diagnostic {
                // The place in the file the failure is about, as the one renderer quotes it.
                var renderer = DiagnosticRenderer(color: color)
                renderer.add(procedure.file)
                for line in renderer.excerpt(of: diagnostic).split(separator: "\n") { emit(detail + line + "\n") }
            }
            // The step's `notes`, its author's word on what to do when it fails.
            let notes = clean(SecretRedactor.credentialShapes.masking(step.notes)).split(separator: "\n")
            for (index, line) in notes.enumerated() { emit(detail + (index == 0 ? paint("note: ", "2") : "      ") + line + "\n") }
            let tail = OutputTail(result, lines: 5)
            // Streamed, the output is on the screen already.
            if !streaming {
                for part in tail.parts {
                    if tail.labelled { emit(detail + paint(part.stream + ":", "2") + "\n") }
                    for line in part.lines { emit(detail + paint("│", "2") + " " + clean(SecretRedactor.credentialShapes.masking(line)) + "\n") }
                }
            }
        }
        if workflowCommands, result.status == .failed { annotate(result, step: step, of: procedure) }
        release(step)
        output.flush()
    }

    /// A finished step's mark: ✓, ✗ or -.
    private func mark(_ result: StepResult) -> String {
        switch result.status {
        case .success: paint("✓", "32")
        case .failed: paint("✗", "31")
        case .skipped: paint("-", "33")
        }
    }

    /// A finished step's time, or why it has none (a call whose procedure was up to date: why).
    private func time(_ result: StepResult) -> String {
        if let reason = result.upToDate { return paint("up to date: " + reason, "2") }
        return result.status == .skipped
            ? paint("skipped", "2")
            : result.ranEarlier ? paint("ran earlier in this run", "2")
            : dryRun ? paint("(dry run)", "2") : paint(DurationText.format(nanoseconds: result.durationNanoseconds), "2")
    }

    package func procedureCallStarted(_ callee: Procedure, step: Step, of procedure: Procedure) {
        closeLine()
        hold(step, of: procedure)
        let line = prefix(step) + paint("↳", "36") + " " + columns(step) + "  " + paint("calls \(callee.name.value) (\(callee.file.path))", "2")
        // In Actions, the call's line is the title of the group its steps fold into.
        emit(workflowCommands && outer.isEmpty ? WorkflowCommand.group(String(line.drop { $0 == " " })) + "\n" : line + "\n")
        output.flush()
        outer.append((total, actionWidth, idWidth, finallyShown))
        layOut(callee)
    }

    /// Sizes the columns for a procedure's steps, its `finally` steps included.
    private func layOut(_ procedure: Procedure) {
        (total, actionWidth, idWidth) = (0, 0, 0)
        _ = procedure.firstStep { step in
            total += 1
            actionWidth = max(actionWidth, step.action.value.count)
            idWidth = max(idWidth, step.displayName.count)
            return false
        }
        finallyShown = false
    }

    /// Before the first `finally` step of a procedure: a `finally` line.
    func announceFinally(_ step: Step, of procedure: Procedure) {
        guard step.isFinally, !finallyShown else { return }
        finallyShown = true
        emit(indent + "  " + paint("finally", "2") + "\n")
    }

    package func procedureCallFinished(_ report: RunReport, step: Step, of procedure: Procedure) {
        guard let layout = outer.popLast() else { return }
        (total, actionWidth, idWidth, finallyShown) = layout
        if workflowCommands, outer.isEmpty { emit(WorkflowCommand.endGroup + "\n") }
    }

    package func logged(_ message: String, level: LogLevel) {
        pendingLogs.append((message, level))
    }

    package func commandOutput(_ bytes: UnsafeRawBufferPointer, stream: OutputStream) {
        var shown: [UInt8] = []
        shown.reserveCapacity(bytes.count)
        streamed[stream == .stdout ? 0 : 1].feed(bytes, into: &shown)
        emit(shown)
        output.flush()
    }

    /// Ends the streamed output of a command: a sequence it left unfinished is dropped, a colour it
    /// left on is reset.
    private func endStreams() {
        guard streaming else { return }
        var rest: [UInt8] = []
        for index in streamed.indices { streamed[index].finish(into: &rest) }
        if !rest.isEmpty { emit(rest) }
    }

    /// Text from a step, safe to print.
    private func clean(_ text: String) -> String {
        TerminalSanitizer.clean(text, keepColor: color)
    }

    package func leftoverProcessesEnded(group: Int32, step: String) {
        guard streaming else { return }
        endStreams()
        emit(paint("  ended the processes that step \(step) left running (process group \(group))", "2") + "\n")
        output.flush()
    }

    /// Writes `text` where it belongs: into a held step of a parallel group, or to the output (in a
    /// pipe, once a start line not printed yet is taken back from the ticker).
    func emit(_ text: String) {
        if !held.isEmpty { return held[held.count - 1].current.append(contentsOf: text.utf8) }
        settle()
        output.write(text)
    }

    /// ``emit(_:)-(String)`` for bytes.
    func emit(_ bytes: [UInt8]) {
        if !held.isEmpty { return held[held.count - 1].current.append(contentsOf: bytes) }
        settle()
        bytes.withUnsafeBytes { output.write($0) }
    }

    /// In a pipe: takes a start line back from the ticker; after this, only this thread writes.
    func settle() {
        guard announcing else { return }
        ticker?.clear()
        announcing = false
    }

    /// Stops the ticker at the end of the run.
    func stopTicker() {
        settle()
        ticker?.stop()
    }

    func prefix(_ step: Step) -> String {
        // A need is no numbered step: it runs before what needs it.
        if step.isNeed { return indent + (step.group == nil ? "  " : "    ") + "needs " }
        let number = "\(step.index + 1)/\(total)"
        let width = "\(total)/\(total)".count
        return indent + (step.group == nil ? "  " : "    ") + String(repeating: " ", count: max(0, width - number.count)) + number + " "
    }

    private func columns(_ step: Step) -> String {
        if step.isNeed { return paint(step.action.value, "36") }
        let action = step.action.value.padding(to: actionWidth)
        let id = step.id == nil ? paint(step.displayName.padding(to: idWidth), "2") : step.displayName.padding(to: idWidth)
        return paint(action, "36") + "  " + id
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

}
