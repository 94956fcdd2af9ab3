/// A procedure a ``ProcedureFinder`` found for a task, best first.
public struct ProcedureMatch: Sendable, Equatable {
    /// The procedure's name.
    public var name: String
    /// Its file.
    public var file: String
    /// Its description.
    public var description: String
    /// Its tags.
    public var tags: [String]
    /// How well it fits the task; only the order matters.
    public var score: Double

    /// Creates a match.
    public init(name: String, file: String, description: String, tags: [String], score: Double) {
        self.name = name
        self.file = file
        self.description = description
        self.tags = tags
        self.score = score
    }
}
