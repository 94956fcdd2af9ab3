/// What ``ProceduralMemory/optimize(_:minimumRuns:apply:removeFailing:)`` found, and did when asked
/// to apply it.
public struct Optimization: Sendable {
    /// One step the record says to drop or to look at.
    public struct Finding: Sendable, Hashable {
        /// The 1-based step number.
        public var number: Int
        /// The step's id, if it has one.
        public var id: String?
        /// Why: its failures and successes, or how slow it is.
        public var reason: String
    }

    /// The procedure.
    public var name: String
    /// Its version before the change.
    public var version: Int
    /// Steps that fail more often than they succeed without stopping the procedure (or any
    /// failing step, with `removeFailing`): removed in the next version.
    public var removed: [Finding] = []
    /// Failing checks: steps that fail more often than they succeed and whose failures stopped
    /// the procedure, and failing `finally` steps. Reported, not removed (removing them would only
    /// hide the failure), unless `removeFailing` was given.
    public var broken: [Finding] = []
    /// Flaky steps given `retries` (and a `timeout` after timeouts) in the next version.
    public var retried: [Finding] = []
    /// Steps that take most of the procedure's time: only reported.
    public var slow: [Finding] = []
    /// Remarks: failing steps kept because later steps read them, refusals.
    public var notes: [String] = []
    /// The file written with the next version, when it was applied.
    public var written: String?

    /// Whether there is anything to change.
    public var changesSteps: Bool { !removed.isEmpty || !retried.isEmpty }
}
