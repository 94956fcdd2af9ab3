package import ProcrunText

/// A procedure as the search index holds it: its summary and its weighted search terms, either
/// computed from the file or still in the form the ``IndexCache`` stored them, decoded only as far
/// as a search needs (the terms it asks about, the summaries of the matches it shows).
package struct IndexedDocument: Sendable {
    /// The file.
    package let path: String
    /// The file's status when it was read, for the cache.
    package var status: FileStatus?
    private let decoded: (summary: ProcedureSummary, terms: [String: Double], length: Double)?
    private let cached: CachedLine?
    /// The cache line, when it was encoded ahead of saving (by the worker that read the file).
    var encodedLine: String?
    /// The prefix of the library `include:` brought it in under (`docs`, `docs:ref`), put before
    /// its name in its ``summary``; nil for a procedure of the library searched.
    package var prefix: String?

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
    /// Weight of a word in an input's `default` or `allowed` values.
    package static let inputValueWeight = 0.3

    /// Indexes a summary.
    package init(summary: ProcedureSummary, status: FileStatus? = nil) {
        var stems: [String: String] = [:]
        self.init(summary: summary, status: status, stems: &stems)
    }

    /// Indexes a summary, sharing a memo of stems with other documents.
    package init(summary: ProcedureSummary, status: FileStatus?, stems: inout [String: String]) {
        var terms: [String: Double] = [:]
        var length = 0.0
        func add(_ text: String, _ weight: Double, prose: Bool = false) {
            for term in Tokenizer.terms(text, stems: &stems) {
                terms[term, default: 0] += weight
                length += weight
            }
            // In prose, a hyphenated word whole (`oncall` for `on-call`) is another form of words
            // already counted: it does not make the document longer.
            guard prose, text.utf8.contains(UInt8(ascii: "-")) else { return }
            for word in Tokenizer.hyphenCompounds(text) { terms[Stemmer.stem(word), default: 0] += weight }
        }
        func value(_ parameter: String) -> String {
            Self.withoutTemplates(parameter.split(separator: "=", maxSplits: 1).last.map(String.init) ?? "")
        }
        add(summary.name, Self.nameWeight, prose: true)
        for tag in summary.tags { add(tag, Self.tagWeight, prose: true) }
        add(summary.description, Self.descriptionWeight, prose: true)
        for input in summary.inputs { add(input, Self.inputWeight, prose: true) }
        for text in summary.inputValues { add(value(text), Self.inputValueWeight) }
        for step in summary.steps {
            if step.action != "shell" { add(step.action, Self.actionWeight) }
            for parameter in step.parameters { add(value(parameter), Self.parameterWeight) }
        }
        self.path = summary.path
        self.status = status
        self.decoded = (summary, terms, length)
        self.cached = nil
    }

    /// `text` without its template expressions (`{{ inputs.tag }}`): they name inputs and step
    /// results, whose words are not what the step does.
    static func withoutTemplates(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > 3, bytes.contains(UInt8(ascii: "{")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
                guard end + 1 < bytes.count else { break }
                out.append(UInt8(ascii: " "))
                index = end + 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        var summary = decoded?.summary ?? cached?.summary(path: path) ?? ProcedureSummary(path: path, name: "")
        if let prefix { summary.name = prefix + ":" + summary.name }
        return summary
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

    /// Whether the procedure is internal (read from the cache line without decoding it).
    package var isInternal: Bool {
        if let decoded { return decoded.summary.isInternal }
        return cached?.isInternal ?? false
    }

    /// The document's length: the sum of its words' weighted frequencies (hyphenated words joined
    /// whole not counted).
    package var length: Double {
        if let decoded { return decoded.length }
        return cached?.length ?? 0
    }

    /// The weighted frequency of each of `queryTerms` (0 for those absent).
    package func frequencies(of queryTerms: [String]) -> [Double] {
        let found = frequencies(of: queryTerms, encoded: CachedLine.encoded(queryTerms))
        return found.isEmpty ? queryTerms.map { _ in 0 } : found
    }

    /// ``frequencies(of:)`` with the terms also as cache lines write them (``CachedLine/encoded(_:)``),
    /// which a search works out once for all documents; empty when the document holds none of them.
    func frequencies(of queryTerms: [String], encoded: CachedLine.Wanted) -> [Double] {
        if let decoded { return queryTerms.map { decoded.terms[$0] ?? 0 } }
        return cached?.frequencies(ofEncoded: encoded) ?? []
    }

    /// The cache line for this document.
    func cacheLine(root: String) -> String {
        if let cached { return cached.text }
        return encodedLine ?? IndexCache.encode(self, root: root)
    }
}
