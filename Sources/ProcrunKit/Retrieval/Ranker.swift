/// Ranks a library's procedures for a task description: BM25 relevance over name, tags,
/// description and steps, combined with each procedure's success record, so that of two equally
/// relevant procedures the reliable one comes first.
///
/// `score = relevance × (0.5 + 0.5 × reliability)`, where reliability is the success rate
/// smoothed towards one half by a prior of one success and one failure: `(successes + 1) / (runs + 2)`.
/// A never-run procedure has reliability 0.5; ten successes out of ten, 0.92; one of one, 0.67.
/// Procedures marked `superseded_by` are left out.
public struct Ranker: Sendable {
    /// The index searched.
    public let index: BM25Index
    /// The share of the query's weight a procedure must match to be listed at all.
    public var minimumCoverage = 0.4
    /// The share of the query's words the library must know at all: a task mostly made of words
    /// no procedure uses ("bake a chocolate cake for the backend") is not answered by chance.
    public var minimumKnownShare = 0.5

    /// A ranker over an index.
    public init(index: BM25Index) {
        self.index = index
    }

    /// One ranked procedure.
    public struct Match: Sendable {
        /// What the file says.
        public var summary: ProcedureSummary
        /// The combined score.
        public var score: Double
        /// The BM25 relevance alone.
        public var relevance: Double
        /// The share of the query matched, 0 to 1.
        public var coverage: Double
        /// The smoothed success rate used.
        public var reliability: Double
    }

    /// The smoothed success rate of a summary.
    public static func reliability(_ summary: ProcedureSummary) -> Double {
        let runs = max(0, summary.runs)
        let successes = min(max(0, summary.successes), runs)
        return (Double(successes) + 1) / (Double(runs) + 2)
    }

    /// The best matches for `query`, best first; empty when nothing matches well enough.
    public func rank(_ query: String, limit: Int = 5) -> [Match] {
        let terms = Tokenizer.terms(query)
        guard !terms.isEmpty, limit > 0 else { return [] }
        var matches: [Match] = []
        for hit in index.search(terms) where hit.coverage >= minimumCoverage && hit.knownShare >= minimumKnownShare {
            let summary = index.documents[hit.document].summary
            if summary.supersededBy != nil { continue }
            let reliability = Self.reliability(summary)
            matches.append(Match(summary: summary, score: hit.score * (0.5 + 0.5 * reliability), relevance: hit.score, coverage: hit.coverage, reliability: reliability))
        }
        matches.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.summary.runs != $1.summary.runs { return $0.summary.runs > $1.summary.runs }
            return $0.summary.path < $1.summary.path
        }
        return Array(matches.prefix(limit))
    }
}
