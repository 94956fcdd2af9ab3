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

    /// Creates a match.
    package init(name: String, file: String, description: String, tags: [String], score: Double, matched: [String] = []) {
        self.name = name
        self.file = file
        self.description = description
        self.tags = tags
        self.score = score
        self.matched = matched
    }
}
