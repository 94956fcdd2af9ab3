/// Ranks a library's procedures for a task description: BM25 relevance over name, tags,
/// description and steps, combined with each procedure's success record, so that of two equally
/// relevant procedures the reliable one comes first.
///
/// `score = relevance × (0.5 + 0.5 × reliability)`, where reliability is the success rate
/// smoothed towards one half by a prior of one success and one failure: `(successes + 1) / (runs + 2)`.
/// A never-run procedure has reliability 0.5; ten successes out of ten, 0.92; one of one, 0.67.
/// Procedures marked `superseded_by` take no part at all: they are neither listed nor counted in
/// the word statistics, so the words of a merged-away file do not weigh against the others.
///
/// A procedure is listed when it matches at least ``minimumCoverage`` of the query's weight, or at
/// least ``minimumMatchedShare`` of its known words (so a word only a near-duplicate uses cannot
/// push a good match out). Near-duplicates among the matches (``SimilarityFinder``) are listed
/// once, under the best of them, with the others in ``Match/duplicates``.
public struct Ranker: Sendable {
    /// The index searched: the library's procedures that are not superseded.
    package let index: BM25Index
    /// The share of the query's weight a procedure must match to be listed at all.
    package var minimumCoverage = 0.4
    /// The share of the query's words the library must know at all: a task mostly made of words
    /// no procedure uses ("bake a chocolate cake for the backend") is not answered by chance.
    package var minimumKnownShare = 0.5

    /// The share of the query's known words a procedure may match instead of ``minimumCoverage``.
    package var minimumMatchedShare = 0.5
    /// How alike two matches must be to be listed as one (``SimilarityFinder``).
    package var duplicateThreshold = 0.75

    /// A ranker over an index; superseded procedures are left out of it.
    package init(index: BM25Index) {
        let current = index.documents.filter { !$0.isSuperseded }
        self.index = current.count == index.documents.count ? index : BM25Index(documents: current)
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
        package var coverage: Double
        /// The smoothed success rate used.
        public var reliability: Double
        /// Near-duplicates of this procedure that also matched, best first: listed under it
        /// instead of taking places of their own.
        public var duplicates: [ProcedureSummary] = []
    }

    /// The smoothed success rate of a summary.
    package static func reliability(_ summary: ProcedureSummary) -> Double {
        let runs = max(0, summary.runs)
        let successes = min(max(0, summary.successes), runs)
        return (Double(successes) + 1) / (Double(runs) + 2)
    }

    /// The best matches for `query`, best first; empty when nothing matches well enough.
    package func rank(_ query: String, limit: Int = 5) -> [Match] {
        let terms = Tokenizer.terms(query)
        guard !terms.isEmpty, limit > 0 else { return [] }
        var matches: [Match] = []
        for hit in index.search(terms)
        where (hit.coverage >= minimumCoverage || hit.matchedShare >= minimumMatchedShare) && hit.knownShare >= minimumKnownShare {
            let summary = index.documents[hit.document].summary
            let reliability = Self.reliability(summary)
            matches.append(Match(summary: summary, score: hit.score * (0.5 + 0.5 * reliability), relevance: hit.score, coverage: hit.coverage, reliability: reliability))
        }
        matches.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.summary.runs != $1.summary.runs { return $0.summary.runs > $1.summary.runs }
            return $0.summary.path < $1.summary.path
        }
        return grouped(Array(matches.prefix(limit * 3)), limit: limit)
    }

    /// The matches with each near-duplicate listed under the best-ranked one of its group.
    private func grouped(_ matches: [Match], limit: Int) -> [Match] {
        var listed: [Match] = []
        var profiles: [SimilarityFinder.Profile] = []
        for match in matches {
            let profile = SimilarityFinder.profile(match.summary)
            if let twin = profiles.firstIndex(where: { SimilarityFinder.similarity($0, profile) >= duplicateThreshold }) {
                listed[twin].duplicates.append(match.summary)
            } else if listed.count < limit {
                listed.append(match)
                profiles.append(profile)
            }
        }
        return listed
    }
}
