/// A procedure as the search index holds it: its summary and its weighted search terms.
public struct IndexedDocument: Sendable {
    /// What the file says.
    public var summary: ProcedureSummary
    /// Each term with its weighted frequency.
    public var terms: [String: Double]
    /// The file's status when it was read, for the cache.
    public var status: FileStatus?

    /// How much a word counts in each field: a word in the name says more than one in a command.
    public static let nameWeight = 3.0
    /// Weight of a tag word.
    public static let tagWeight = 2.0
    /// Weight of a description word.
    public static let descriptionWeight = 1.0
    /// Weight of a word in a step's action name.
    public static let actionWeight = 1.0
    /// Weight of a word in a step's parameters (a command line, a message).
    public static let parameterWeight = 0.5

    /// Indexes a summary.
    public init(summary: ProcedureSummary, status: FileStatus? = nil) {
        self.summary = summary
        self.status = status
        var terms: [String: Double] = [:]
        func add(_ text: String, _ weight: Double) {
            for term in Tokenizer.terms(text) { terms[term, default: 0] += weight }
        }
        add(summary.name, Self.nameWeight)
        for tag in summary.tags { add(tag, Self.tagWeight) }
        add(summary.description, Self.descriptionWeight)
        for step in summary.steps {
            if step.action != "shell" { add(step.action, Self.actionWeight) }
            for parameter in step.parameters {
                let value = parameter.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
                add(value, Self.parameterWeight)
            }
        }
        self.terms = terms
    }

    /// A document restored from the cache.
    public init(summary: ProcedureSummary, terms: [String: Double], status: FileStatus?) {
        self.summary = summary
        self.terms = terms
        self.status = status
    }

    /// The document's length: the sum of its weighted frequencies.
    public var length: Double { terms.values.reduce(0, +) }
}
