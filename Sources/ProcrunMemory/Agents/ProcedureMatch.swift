/// A procedure a ``ProcedureFinder`` found for a task, best first.
package struct ProcedureMatch: Sendable, Equatable {
    /// The procedure's name.
    package var name: String
    /// Its file.
    package var file: String
    /// Its description.
    package var description: String
    /// Its tags.
    package var tags: [String]
    /// How well it fits the task; only the order matters.
    package var score: Double
    /// The task's words it matched, as the task writes them.
    package var matched: [String]
    /// Its success record: how many runs its stats block counts.
    package var runs: Int
    /// The share of those runs that succeeded (0 to 1); nil before its first run.
    package var successRate: Double?

    /// Creates a match.
    package init(
        name: String, file: String, description: String, tags: [String], score: Double, matched: [String] = [], runs: Int = 0, successRate: Double? = nil
    ) {
        self.name = name
        self.file = file
        self.description = description
        self.tags = tags
        self.score = score
        self.matched = matched
        self.runs = runs
        self.successRate = successRate
    }
}
