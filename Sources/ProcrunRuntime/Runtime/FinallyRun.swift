import ProcrunLanguage
import ProcrunText

/// The procedure's `finally` steps as they run after its main steps, whatever happened to them.
/// They read `run.status` and every main step's result (`not_run` for a step the run did not
/// reach); a failure among them fails the run, after the main steps' own first failure.
package struct FinallyRun {
    /// How long `finally` steps may run after an interrupt (or after a calling step's timeout ran out).
    package static let grace: Duration = .seconds(10)

    /// The run whose `finally` steps these are.
    let interpreter: Interpreter

    /// Runs the steps, adding their results to `results`.
    func run(_ results: inout [StepResult], success: inout Bool, interrupted: Bool) {
        let failed = results.first { $0.status == .failed }
        let status = interrupted ? "interrupted" : success ? "success" : "failed"
        interpreter.context.roots["run"] = .mapping([
            "status": .string(status), "failed_step": .string(failed.map { $0.id ?? "#\($0.number)" } ?? ""),
        ])
        let reached = Set(results.map(\.number))
        for step in interpreter.procedure.allSteps where !step.isFinally && !reached.contains(step.index + 1) {
            guard let id = step.id else { continue }
            record(StepResult(number: step.index + 1, id: id.value, action: step.action.value, status: .skipped), status: "not_run")
        }
        // After Ctrl-C, a calling step's timeout, or a parallel group calling off the step that
        // called this procedure (fail_fast), the cleanup still runs, within a bounded grace; a
        // second Ctrl-C ends it.
        let saved = (interpreter.deadline, interpreter.deadlineTimeout, interpreter.cancelDescriptor)
        defer { (interpreter.deadline, interpreter.deadlineTimeout, interpreter.cancelDescriptor) = saved }
        let expired = interpreter.deadline.map { ContinuousClock.now >= $0 } ?? false
        let calledOff = interpreter.isCancelled
        interpreter.cancelDescriptor = -1
        var timedOut = StepFailure.callTimedOut
        if interrupted || expired || calledOff {
            timedOut = "timed out: the \(Self.grace.shortDescription) given to 'finally' steps ran out"
            if interrupted { Interrupts.reset() }
            interpreter.deadline = ContinuousClock.now + Self.grace
            interpreter.deadlineTimeout = Self.grace
        }
        for step in interpreter.procedure.finally {
            if Interrupts.received { break }
            let result = interpreter.perform(step, timedOut: timedOut)
            interpreter.append(result, to: &results)
            guard result.status == .failed else { continue }
            success = false
            if result.wasInterrupted || step.onFailure == .abort { break }
        }
    }

    /// Makes a step that did not run visible to `finally` templates with `status` as its status.
    private func record(_ result: StepResult, status: String) {
        guard let id = result.id, case .mapping(var fields) = result.value else { return }
        fields["status"] = .string(status)
        fields["exit_code"] = .integer(0)
        interpreter.restore(id, .mapping(fields))
    }
}
