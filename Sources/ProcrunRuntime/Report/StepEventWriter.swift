import Glibc
package import ProcrunLanguage
package import ProcrunSystem
import ProcrunText

/// `procrun run --events-fd N`: writes a ``StepEvent`` line to descriptor N as each step of the
/// run's own procedure starts and finishes (the steps of a procedure it calls are inside their
/// call step), so that a caller such as `procrun mcp` can follow a run as it goes. Everything is
/// also handed to `next` (the progress printer, when there is one).
package final class StepEventWriter: RunObserver {
    private let output: TextOutput
    private let total: Int
    private let dryRun: Bool
    private let next: (any RunObserver)?
    /// How many procedure calls deep the steps reported now are.
    private var depth = 0

    /// A writer to `descriptor` for a run of `procedure`, which is closed when procrun runs a
    /// program (a step's command never inherits it).
    package init(descriptor: Int32, procedure: Procedure, dryRun: Bool, next: (any RunObserver)?) {
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        output = TextOutput(descriptor: descriptor)
        total = procedure.stepCount
        self.dryRun = dryRun
        self.next = next
    }

    /// Whether `descriptor` is open (`--events-fd` names one procrun was started with).
    package static func isOpen(_ descriptor: Int32) -> Bool {
        descriptor >= 0 && fcntl(descriptor, F_GETFD) >= 0
    }

    package func stepStarted(_ step: Step, of procedure: Procedure) {
        if depth == 0 { write(StepEvent(.started, number: step.isNeed ? 0 : step.index + 1, total: total, id: step.id?.value, action: step.action.value), need: step.isNeed) }
        next?.stepStarted(step, of: procedure)
    }

    package func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure) {
        if depth == 0 {
            var event = StepEvent(
                .finished, number: step.isNeed ? 0 : step.index + 1, total: total, id: step.id?.value, action: step.action.value,
                status: result.reportedStatus(dryRun: dryRun), durationMilliseconds: result.durationMilliseconds, error: result.error)
            event.upToDate = result.upToDate
            write(event, need: step.isNeed)
        }
        next?.stepFinished(result, step: step, of: procedure)
    }

    package func preconditionFailed(_ result: StepResult, of procedure: Procedure) {
        if depth == 0 {
            var event = StepEvent(
                .finished, number: 0, total: total, id: nil, action: result.action, status: result.reportedStatus(dryRun: dryRun),
                durationMilliseconds: result.durationMilliseconds, error: result.error)
            event.precondition = true
            write(event, need: false)
        }
        next?.preconditionFailed(result, of: procedure)
    }

    package func procedureCallStarted(_ callee: Procedure, step: Step, of procedure: Procedure) {
        depth += 1
        next?.procedureCallStarted(callee, step: step, of: procedure)
    }

    package func procedureCallFinished(_ report: RunReport, step: Step, of procedure: Procedure) {
        depth -= 1
        next?.procedureCallFinished(report, step: step, of: procedure)
    }

    package func logged(_ message: String, level: LogLevel) {
        next?.logged(message, level: level)
    }

    package func commandOutput(_ bytes: UnsafeRawBufferPointer, stream: OutputStream) {
        next?.commandOutput(bytes, stream: stream)
    }

    package func groupRunning(_ step: Step, done: Int, of total: Int, since started: ContinuousClock.Instant, of procedure: Procedure) {
        next?.groupRunning(step, done: done, of: total, since: started, of: procedure)
    }

    package func leftoverProcessesEnded(group: Int32, step: String) {
        next?.leftoverProcessesEnded(group: group, step: step)
    }

    private func write(_ event: StepEvent, need: Bool) {
        var event = event
        event.need = need
        output.write(event.line + "\n")
        output.flush()
    }
}
