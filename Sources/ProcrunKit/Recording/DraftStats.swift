/// The stats block a recorded procedure starts with: one successful run.
public struct DraftStats: Sendable {
    /// How long the run took.
    public var durationMilliseconds: Int
    /// When, as ISO 8601 UTC.
    public var lastExecuted: String

    /// Stats of one successful run.
    public init(durationMilliseconds: Int, lastExecuted: String) {
        self.durationMilliseconds = durationMilliseconds
        self.lastExecuted = lastExecuted
    }
}
