/// The stats block a recorded procedure starts with: one successful run.
package struct DraftStats: Sendable {
    /// How long the run took.
    package var durationMilliseconds: Int
    /// When, as ISO 8601 UTC.
    package var lastExecuted: String

    /// Stats of one successful run.
    package init(durationMilliseconds: Int, lastExecuted: String) {
        self.durationMilliseconds = durationMilliseconds
        self.lastExecuted = lastExecuted
    }
}
