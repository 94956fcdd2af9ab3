/// What ``ProceduralMemory/optimize(_:minimumRuns:apply:)`` found, and did when asked to apply it.
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
    /// Its version now.
    public var version: Int
    /// Steps that fail more often than they succeed: removed in the next version.
    public var removed: [Finding] = []
    /// Steps much slower than the others (over twice the median average): only reported.
    public var slow: [Finding] = []
    /// The file of the next version, when it was written.
    public var written: String?
    /// Where the previous version was archived, when it was written.
    public var archived: String?

    /// Whether there is anything to change.
    public var changesSteps: Bool { !removed.isEmpty }
}
