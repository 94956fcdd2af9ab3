/// A procedure as the search index holds it: its summary and its weighted search terms, either
/// computed from the file or still in the form the ``IndexCache`` stored them, decoded only as far
/// as a search needs (the terms it asks about, the summaries of the matches it shows).
package struct IndexedDocument: Sendable {
    /// The file.
    package let path: String
    /// The file's status when it was read, for the cache.
    package var status: FileStatus?
    private let decoded: (summary: ProcedureSummary, terms: [String: Double])?
    private let cached: CachedLine?
    /// The cache line, when it was encoded ahead of saving (by the worker that read the file).
    var encodedLine: String?

    /// How much a word counts in each field: a word in the name says more than one in a command.
    package static let nameWeight = 3.0
    /// Weight of a tag word.
    package static let tagWeight = 2.0
    /// Weight of a description word.
    package static let descriptionWeight = 1.0
    /// Weight of a word in an input's name or description.
    package static let inputWeight = 1.0
    /// Weight of a word in a step's action name.
    package static let actionWeight = 1.0
    /// Weight of a word in a step's parameters (a command line, a message).
    package static let parameterWeight = 0.5

    /// Indexes a summary.
    package init(summary: ProcedureSummary, status: FileStatus? = nil) {
        var stems: [String: String] = [:]
        self.init(summary: summary, status: status, stems: &stems)
    }

    /// Indexes a summary, sharing a memo of stems with other documents.
    package init(summary: ProcedureSummary, status: FileStatus?, stems: inout [String: String]) {
        var terms: [String: Double] = [:]
        func add(_ text: String, _ weight: Double) {
            for term in Tokenizer.terms(text, stems: &stems) { terms[term, default: 0] += weight }
        }
        add(summary.name, Self.nameWeight)
        for tag in summary.tags { add(tag, Self.tagWeight) }
        add(summary.description, Self.descriptionWeight)
        for input in summary.inputs { add(input, Self.inputWeight) }
        for step in summary.steps {
            if step.action != "shell" { add(step.action, Self.actionWeight) }
            for parameter in step.parameters {
                let value = parameter.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
                add(value, Self.parameterWeight)
            }
        }
        self.path = summary.path
        self.status = status
        self.decoded = (summary, terms)
        self.cached = nil
    }

    /// A document still in its cache line.
    init(cached: CachedLine, path: String, status: FileStatus) {
        self.path = path
        self.status = status
        self.decoded = nil
        self.cached = cached
    }

    /// What the file says (decoded from the cache on demand).
    package var summary: ProcedureSummary {
        if let decoded { return decoded.summary }
        return cached?.summary(path: path) ?? ProcedureSummary(path: path, name: "")
    }

    /// Each term with its weighted frequency.
    package var terms: [String: Double] {
        decoded?.terms ?? cached?.terms() ?? [:]
    }

    /// Whether the procedure is marked `superseded_by` (read from the cache line without decoding it).
    package var isSuperseded: Bool {
        if let decoded { return decoded.summary.supersededBy != nil }
        return cached.map { !$0.field(13).elementsEqual("-".utf8) } ?? false
    }

    /// The document's length: the sum of its weighted frequencies.
    package var length: Double {
        if let decoded { return decoded.terms.values.reduce(0, +) }
        return cached?.length ?? 0
    }

    /// The weighted frequency of each of `queryTerms` (0 for those absent).
    package func frequencies(of queryTerms: [String]) -> [Double] {
        frequencies(of: queryTerms, encoded: CachedLine.encoded(queryTerms))
    }

    /// ``frequencies(of:)`` with the terms also as cache lines write them (``CachedLine/encoded(_:)``),
    /// which a search works out once for all documents.
    func frequencies(of queryTerms: [String], encoded: [[UInt8]]) -> [Double] {
        if let decoded { return queryTerms.map { decoded.terms[$0] ?? 0 } }
        return cached?.frequencies(ofEncoded: encoded) ?? queryTerms.map { _ in 0 }
    }

    /// The cache line for this document.
    func cacheLine(root: String) -> String {
        if let cached { return cached.text }
        return encodedLine ?? IndexCache.encode(self, root: root)
    }
}
