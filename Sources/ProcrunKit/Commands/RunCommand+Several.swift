import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun a b c`: several procedures run in order, up to the first that fails (all of them with
/// `--keep-going`); the exit code is the worst, a summary line names what failed, and `--json`
/// prints one array of their reports.
extension RunCommand {
    /// Runs the procedures prepared, in order: how the command ended (nil when all succeeded).
    func runAll(
        _ prepared: [Prepared], defaultTimeout: Duration?, stdout: TextOutput, stderr: TextOutput, renderer: DiagnosticRenderer
    ) -> CommandFailure? {
        var outcomes: [ProcedureRun.Outcome] = []
        var failure: CommandFailure?
        // Each need runs once in the whole invocation, whichever procedures need it.
        let needs = NeedRegistry()
        for item in prepared {
            let outcome = run(item, needs: needs, defaultTimeout: defaultTimeout, stdout: stdout, stderr: stderr, renderer: renderer)
            outcomes.append(outcome)
            let report = outcome.report
            if report.interrupted {
                failure = .interrupted
                break
            }
            if !report.success {
                // A run that failed before its first step (a callee its templates name that does
                // not exist) ran nothing: invalid input, as a file that does not load is, and the
                // worse of the two. An unmet precondition is a failure, as a failed step is.
                if report.steps.isEmpty, report.needs.isEmpty, report.precondition == nil { failure = .invalid() } else if failure == nil { failure = .failed() }
                if !keepGoing { break }
            }
        }
        guard prepared.count > 1 else { return failure }
        if json {
            stdout.write("[" + outcomes.map { JSONReport.render($0.report, learned: $0.learned) }.joined(separator: ",") + "]\n")
            stdout.flush()
        } else if !quiet {
            stdout.write(summary(outcomes.map(\.report), notRun: prepared.dropFirst(outcomes.count).map(\.procedure.name.value), color: color.isOn(for: stdout)))
            stdout.flush()
        }
        return failure
    }

    /// The line after several procedures: `✓ 3 procedures succeeded`, or
    /// `✗ 1 of 3 procedures failed: test; not run: deploy`.
    func summary(_ reports: [RunReport], notRun: [String], color: Bool) -> String {
        let total = reports.count + notRun.count
        let failed = reports.filter { !$0.success }.map { $0.procedure + ($0.interrupted ? " (interrupted)" : "") }
        guard !failed.isEmpty else {
            let line = dryRun ? "✓ \(total) procedures: dry run, nothing ran" : "✓ \(total) procedures succeeded"
            return (color ? "\u{1B}[32;1m\(line)\u{1B}[0m" : line) + "\n"
        }
        let line = "✗ \(failed.count) of \(total) procedures failed"
        let tail = ": " + failed.joined(separator: ", ") + (notRun.isEmpty ? "" : "; not run: " + notRun.joined(separator: ", "))
        return (color ? "\u{1B}[31;1m\(line)\u{1B}[0m" : line) + tail + "\n"
    }

    /// The options that work on one procedure only, refused when several are given.
    var oneProcedureOptionProblems: [Diagnostic] {
        guard files.count > 1 else { return [] }
        let given = [("--resume", resume), ("--from", fromStep != nil), ("--junit", junit != nil), ("--", !restWords.isEmpty)]
        return given.filter(\.1).map { Diagnostic(CommandProblem.oneProcedureOnly(option: $0.0, count: files.count)) }
    }

    /// With several procedures, refuses an input (`--set` or `--inputs`) that none of them
    /// declares; one procedure's binding says so itself.
    func checkInputNames(_ texts: [(name: String, text: String)], _ values: [String: Value], of procedures: [Procedure]) throws(CommandFailure) {
        guard procedures.count > 1 else { return }
        let declared = Set(procedures.flatMap { $0.inputs.map(\.name) })
        let named = texts.map { ($0.name, true) } + values.keys.sorted().map { ($0, false) }
        var problems: [Diagnostic] = []
        var reported: Set<String> = []
        for (name, fromSet) in named where !declared.contains(name) && reported.insert(name).inserted {
            let hint = Suggestion.hint(for: name, in: declared)
            problems.append(Diagnostic(CommandProblem.inputOfNone(input: name, procedures: procedures.map(\.name.value), hint: hint, fromSet: fromSet)))
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The inputs given that `procedure` declares: with several procedures, each takes those it
    /// declares; one procedure takes all (its binding refuses those it does not declare).
    func declaredOnly(
        _ texts: [(name: String, text: String)], _ values: [String: Value], by procedure: Procedure
    ) -> ([(name: String, text: String)], [String: Value]) {
        guard files.count > 1 else { return (texts, values) }
        let declared = Set(procedure.inputs.map(\.name))
        return (texts.filter { declared.contains($0.name) }, values.filter { declared.contains($0.key) })
    }
}
