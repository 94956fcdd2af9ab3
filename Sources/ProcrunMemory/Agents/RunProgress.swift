import ProcrunRuntime
import ProcrunText

/// Follows the step events of a `run_procedure` child (`procrun run --events-fd`) and hands an
/// ``MCPProgress`` to `send` for each. Fed by one thread at a time (the one waiting for the child).
///
/// MCP requires `progress` to grow with every notification, and the steps of a parallel group
/// start one after another before any finishes, so progress counts halves of steps: a step counts
/// one when it starts and one when it finishes (two at once when it finishes without having
/// started: skipped, planned), out of twice the number of steps.
final class RunProgress: @unchecked Sendable {
    private var done = 0
    private var running: Set<Int> = []
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
        let total = event.total * 2
        guard event.kind == .finished else {
            running.insert(event.number)
            done += 1
            return MCPProgress(progress: done, total: total, message: step + ": running")
        }
        done += running.remove(event.number) == nil ? 2 : 1
        let status = event.status ?? "finished"
        var update = MCPProgress(progress: done, total: total, message: step + ": " + status)
        if status == StepStatus.success.rawValue || status == StepStatus.failed.rawValue, let milliseconds = event.durationMilliseconds {
            update.message += " (\(DurationText.format(milliseconds: milliseconds)))"
        }
        if status == StepStatus.failed.rawValue { update.failure = step + " failed" + (event.error.map { ": " + $0 } ?? "") }
        return update
    }
}
