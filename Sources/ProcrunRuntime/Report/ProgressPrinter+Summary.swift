import ProcrunLanguage
import ProcrunText

extension ProgressPrinter {
    /// Prints the summary line: the steps counted as ``StepTotals`` counts them, the run's own
    /// steps it never reached, and its first failed step (of a parallel group, the group's failed
    /// step rather than the group).
    package func end(_ report: RunReport) {
        stopTicker()
        for group in held.reversed() { output.write(group.text) }
        held.removeAll()
        let totals = StepTotals(report)
        var counts = "\(totals.succeeded) succeeded"
        if totals.failed > 0 { counts += ", \(totals.failed) failed" }
        if totals.skipped > 0 { counts += ", \(totals.skipped) skipped" }
        let notRun = notReached(report)
        if notRun > 0 { counts += ", \(notRun) not run" }
        let time = DurationText.format(nanoseconds: report.durationNanoseconds)
        if report.success, let reason = report.upToDate {
            // Skipped whole: nothing ran, and the line says why.
            output.write(paint("✓ \(report.procedure) up to date", "32;1") + ": \(reason)\n")
        } else if report.success, report.dryRun {
            // A dry run ran nothing: it does not read as a success.
            let planned = counts.replacingOccurrences("succeeded", with: "would run")
            output.write(paint("✓ \(report.procedure) dry run", "32;1") + ", nothing ran: \(planned)\n")
        } else if report.success {
            output.write(paint("✓ \(report.procedure) succeeded", "32;1") + " in \(time): \(counts)\n")
        } else {
            let why = report.interrupted ? "was interrupted" : "failed"
            var line = paint("✗ \(report.procedure) \(why)", "31;1") + " in \(time): \(counts)"
            if let failure = StepTotals.firstFailure(in: report), !report.interrupted {
                line += "; first failure: step \(failure.number)" + (failure.id.map { " (\($0))" } ?? "")
            }
            output.write(line + "\n")
            if let error = report.error {
                output.write("  " + paint("error: ", "31;1") + TerminalSanitizer.clean(error) + "\n")
                // An unmet precondition's command: the last lines of its standard error, under its error.
                for part in report.precondition.map({ OutputTail($0, lines: 5).parts }) ?? [] {
                    for line in part.lines { output.write("  " + paint("│", "2") + " " + TerminalSanitizer.clean(SecretRedactor.credentialShapes.masking(line)) + "\n") }
                }
                if workflowCommands {
                    let annotation = WorkflowCommand.annotation(
                        .error, path: report.file, at: nil, title: report.procedure, message: TerminalSanitizer.clean(error))
                    output.write(annotation + "\n")
                }
            }
        }
        output.flush()
    }

    /// How many of the run's own steps it never reached (a parallel group counted by its steps).
    private func notReached(_ report: RunReport) -> Int {
        guard let root, total > report.steps.count else { return 0 }
        var reached = Set<Int>(minimumCapacity: report.steps.count)
        for step in report.steps { reached.insert(step.number) }
        var count = 0
        _ = root.firstStep { step in
            if !reached.contains(step.index + 1), !step.isGroup { count += 1 }
            return false
        }
        return count
    }

    /// Writes the annotation of a failed step, at its place in its file (the place its error is
    /// about, when it names one), unless the failure is one of its steps' (a parallel group, a
    /// call), whose own annotations say it.
    func annotate(_ result: StepResult, step: Step, of procedure: Procedure) {
        let parts = step.isGroup ? result.members : result.children
        guard StepTotals.countsOwnFailure(result, parts: parts) else { return }
        let at = result.diagnostic.flatMap { diagnostic in diagnostic.location.map { (diagnostic.path ?? procedure.file.path, $0) } }
        let annotation = WorkflowCommand.annotation(
            .error, path: at?.0 ?? procedure.file.path, at: at?.1 ?? step.location, title: "\(procedure.name.value) › \(result.label)",
            message: TerminalSanitizer.clean(result.error ?? "failed"))
        emit(annotation + "\n")
    }
}
