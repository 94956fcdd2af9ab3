import ProcrunRuntime
import ProcrunText

/// Follows the step events of a `run_procedure` child (`procrun run --events-fd`) and hands an
/// ``MCPProgress`` to `send` for each. Fed by one thread at a time (the one waiting for the child).
final class RunProgress: @unchecked Sendable {
    private var finished = 0
    private let send: @Sendable (MCPProgress) -> Void

    /// Progress handed to `send`.
    init(_ send: @escaping @Sendable (MCPProgress) -> Void) {
        self.send = send
    }

    /// Takes one line the child wrote; a line that is not a step event is left out.
    func take(_ line: String) {
        guard let event = StepEvent(line: line) else { return }
        send(update(for: event))
    }

    /// The progress after `event`.
    func update(for event: StepEvent) -> MCPProgress {
        let step = "step \(event.number)/\(event.total) \(event.id ?? event.action)"
        guard event.kind == .finished else { return MCPProgress(progress: finished, total: event.total, message: step + ": running") }
        finished += 1
        let status = event.status ?? "finished"
        var update = MCPProgress(progress: finished, total: event.total, message: step + ": " + status)
        if status == StepStatus.success.rawValue || status == StepStatus.failed.rawValue, let milliseconds = event.durationMilliseconds {
            update.message += " (\(DurationText.format(milliseconds: milliseconds)))"
        }
        if status == StepStatus.failed.rawValue { update.failure = step + " failed" + (event.error.map { ": " + $0 } ?? "") }
        return update
    }
}
