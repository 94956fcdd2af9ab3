package import ArgumentParser
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun optimize PROCEDURE [--write]`: proposes removing steps that fail more often than they
/// succeed (a parallel group's steps and `finally` steps each judged by their own figures) and
/// flags slow ones, printing the change as a unified diff; `--write` applies it.
package struct OptimizeCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure: a file, or a name in the library.
    @Argument(help: "A procedure's name in the library, or its file.", completion: .procedures)
    var file: String
    /// `--write`: apply the change (under the file's lock, atomically).
    @Flag(help: "Apply the change to the file (bumping its version).")
    var write = false
    /// `--remove-failing`: remove failing steps even when their failures stopped the procedure.
    @Flag(help: "Remove failing steps even when their failures stopped the procedure (a failing check).")
    var removeFailing = false
    /// `--library DIR`, for checking the changed procedure.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// An optimization as the command line gives it (the procedure is required).
    package init() {}

    /// Plans, prints and (with `--write`) applies; 0 on success, 2 when the file cannot be optimized.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        let path: String
        do {
            path = try ProcedureTarget.resolve(file, library: library.path).path
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        do throws(Diagnostic) {
            let outcome = try Optimizer.optimize(path: path, library: library.path, write: write, removeFailing: removeFailing)
            renderer.add(outcome.document.file)
            let plan = outcome.plan
            report(plan, stdout: stdout)
            guard plan.changes else {
                stdout.write("nothing to change\n")
                stdout.flush()
                return ExitStatus.success
            }
            stdout.write(UnifiedDiff.render(old: outcome.document.file.bytes, new: plan.bytes, path: path))
            stdout.write(outcome.written ? "written: \(path) (version \(plan.version))\n" : "(not written; run with --write to apply)\n")
            stdout.flush()
            return ExitStatus.success
        } catch {
            stdout.flush()
            if let file = try? SourceFile.read(path) { renderer.add(file) }
            return stderr.reject(error, renderer)
        }
    }

    private func report(_ plan: Optimizer.Plan, stdout: TextOutput) {
        for step in plan.steps {
            let name = Self.name(of: step, among: plan.steps)
            let rate = "\(step.stats.failures) of \(step.stats.runs) runs failed"
            let last = step.stats.lastError.map { "; last error: \($0)" } ?? ""
            if step.removed { stdout.write(step.isGroup ? "remove: \(name): every step of the group is removed\n" : "remove: \(name): \(rate)\(last)\n") }
            if step.broken, step.isFinally {
                stdout.write("broken: \(name): \(rate), and each failure failed the run whatever the other steps did\(last); fix the cleanup (or pass --remove-failing to drop it)\n")
            } else if step.broken {
                stdout.write("broken: \(name): \(rate), and each failure stopped the procedure\(last); check what it checks (or pass --remove-failing to drop it)\n")
            }
            if !step.added.isEmpty, !step.removed {
                stdout.write("flaky: \(name): \(rate)\(last); adding \(step.added.joined(separator: " and "))\n")
            }
            if step.slow {
                stdout.write("slow: \(name): \(DurationText.format(milliseconds: step.stats.averageDurationMilliseconds)) on average, most of the procedure's time\n")
            }
        }
        for note in plan.notes { stdout.write("note: \(note)\n") }
    }

    /// `step N ('KEY')`, with where the step is when it is not one of the procedure's own steps:
    /// `step 4 ('lint', in group 'checks')`, `step 6 ('stop', in finally)`.
    private static func name(of step: StepAssessment, among steps: [StepAssessment]) -> String {
        var places = step.group.map { ["in group '\(steps[$0 - 1].key)'"] } ?? []
        if step.isFinally { places.append("in finally") }
        return "step \(step.number) ('\(step.key)'\(places.map { ", " + $0 }.joined()))"
    }
}
