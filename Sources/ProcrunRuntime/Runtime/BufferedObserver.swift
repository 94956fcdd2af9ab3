import ProcrunLanguage
import ProcrunSystem

/// Holds what one step of a parallel group reports while it runs on its own thread, and hands it
/// all to the run's observer in one piece when the step is done: output of steps side by side is
/// never interleaved, not even mid-line.
final class BufferedObserver: RunObserver {
    private enum Event {
        case stepStarted(Step, Procedure)
        case stepFinished(StepResult, Step, Procedure)
        case logged(String, LogLevel)
        case output([UInt8], OutputStream)
        case callStarted(Procedure, Step, Procedure)
        case callFinished(RunReport, Step, Procedure)
    }

    private var events: [Event] = []

    func stepStarted(_ step: Step, of procedure: Procedure) {
        events.append(.stepStarted(step, procedure))
    }

    func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure) {
        events.append(.stepFinished(result, step, procedure))
    }

    func logged(_ message: String, level: LogLevel) {
        events.append(.logged(message, level))
    }

    func commandOutput(_ bytes: UnsafeRawBufferPointer, stream: OutputStream) {
        // Consecutive chunks of one stream are kept as one.
        if case .output(var held, let last)? = events.last, last == stream {
            held.append(contentsOf: bytes)
            events[events.count - 1] = .output(held, stream)
        } else {
            events.append(.output(Array(bytes), stream))
        }
    }

    func procedureCallStarted(_ callee: Procedure, step: Step, of procedure: Procedure) {
        events.append(.callStarted(callee, step, procedure))
    }

    func procedureCallFinished(_ report: RunReport, step: Step, of procedure: Procedure) {
        events.append(.callFinished(report, step, procedure))
    }

    /// Hands everything held to `observer`, in order, and forgets it.
    func replay(to observer: (any RunObserver)?) {
        defer { events.removeAll() }
        guard let observer else { return }
        for event in events {
            switch event {
            case .stepStarted(let step, let procedure): observer.stepStarted(step, of: procedure)
            case .stepFinished(let result, let step, let procedure): observer.stepFinished(result, step: step, of: procedure)
            case .logged(let message, let level): observer.logged(message, level: level)
            case .output(let bytes, let stream): bytes.withUnsafeBytes { observer.commandOutput($0, stream: stream) }
            case .callStarted(let callee, let step, let procedure): observer.procedureCallStarted(callee, step: step, of: procedure)
            case .callFinished(let report, let step, let procedure): observer.procedureCallFinished(report, step: step, of: procedure)
            }
        }
    }
}
