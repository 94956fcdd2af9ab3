/// A step's `parallel:`: steps run side by side, each with its own id, timeout, retries and
/// record; the group fails when one of them fails.
package struct ParallelGroup: Sendable {
    /// The steps, in file order (numbered right after the group's own step).
    package var steps: [Step]
    /// How many run at once (`max`); nil means all of them (``width``).
    package var max: Int?
    /// `fail_fast` as written: when one step fails, steps not started yet are skipped and running
    /// commands are ended; otherwise every step runs to its end. Nil (not written) means true,
    /// except among `finally` steps, where every cleanup step runs (``failsFast(isFinally:)``).
    package var failFast: Bool?

    /// The largest `max`: how many steps of a group may run at once.
    static let widest = 1024

    /// How many steps run at once: `max`, else all of them (up to ``widest``). Steps that wait
    /// (health checks, `sleep`, `http`) cost a thread each, not a processor.
    package var width: Int {
        max ?? Swift.min(steps.count, Self.widest)
    }

    /// Whether a failure calls the group's other steps off.
    package func failsFast(isFinally: Bool) -> Bool {
        failFast ?? !isFinally
    }

    /// The step keys a group's own step takes beside `parallel`.
    static let stepKeys: Set<String> = ["id", "parallel", "when", "notes", "on_failure"]
    /// The keys of `parallel:`.
    static let keys = ["steps", "max", "fail_fast"]
}
