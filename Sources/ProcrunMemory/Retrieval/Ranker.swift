/// Ranks a library's procedures for a task described in words, and says when none fits.
///
/// The task is read into concepts (``TaskQuery``: abbreviations expanded, typos corrected, values
/// and context words told apart), each procedure scored by BM25 over them (``BM25Index``), and the
/// best judged on how much of what the task asks for it covers (``TaskCoverage``): when it does
/// not fit, nothing is listed and ``Outcome/nearest`` says what the nearest procedures lack. Every
/// procedure listed fits on its own.
///
/// The success record only breaks near-ties: of two procedures that cover the same words and whose
/// relevance is within ``nearTie`` of each other, the more reliable one (successes + 1 over runs
/// + 2) comes first. A word that tells two procedures apart is never overturned by their records.
/// Procedures marked `superseded_by`, and internal ones (`internal: true`, run only by the
/// procedures that call them), take no part at all: they are neither listed nor counted in
/// the word statistics. Near-duplicates among the matches (``SimilarityFinder``) are listed once,
/// under the best of them, with the others in ``Match/duplicates``.
public struct Ranker: Sendable {
    /// The index searched: the library's procedures that are neither superseded nor internal.
    package let index: BM25Index
    /// The abbreviations a task may use.
    package let abbreviations: Abbreviations
    /// How close two relevances must be, as a share of the higher, for the record to order them.
    package var nearTie = 0.02
    /// How alike two matches must be to be listed as one (``SimilarityFinder``).
    package var duplicateThreshold = 0.75
    /// How many nearest procedures to name when nothing fits.
    package static let nearestCount = 3

    /// A ranker over an index; superseded and internal procedures are left out of it.
    package init(index: BM25Index, abbreviations: Abbreviations = Abbreviations()) {
        let current = index.documents.filter { !$0.isSuperseded && !$0.isInternal }
        self.index = current.count == index.documents.count ? index : BM25Index(documents: current, vocabulary: index.vocabulary)
        self.abbreviations = abbreviations
    }

    /// One ranked procedure.
    public struct Match: Sendable {
        /// What the file says.
        public var summary: ProcedureSummary
        /// The score the list is ordered by: the relevance (the record only breaks near-ties).
        public var score: Double
        /// The BM25 relevance over the task's concepts.
        public var relevance: Double
        /// The share of the task's required weight covered, 0 to 1.
        package var coverage: Double
        /// The smoothed success rate, used to break near-ties.
        public var reliability: Double
        /// The task's words it matched, as the task writes them.
        public var matched: [String] = []
        /// The task's required words it lacks, as the task writes them.
        public var missing: [String] = []
        /// Near-duplicates of this procedure that also matched, best first: listed under it
        /// instead of taking places of their own.
        public var duplicates: [ProcedureSummary] = []
        /// The indices of the concepts matched, to compare two matches.
        var concepts: [Int] = []
    }

    /// The smoothed success rate of a summary.
    package static func reliability(_ summary: ProcedureSummary) -> Double {
        let runs = max(0, summary.runs)
        let successes = min(max(0, summary.successes), runs)
        return (Double(successes) + 1) / (Double(runs) + 2)
    }

    /// The best matches for `text`, best first; empty when nothing fits.
    package func rank(_ text: String, limit: Int = 5) -> [Match] {
        find(text, limit: limit).matches
    }

    /// The matches for `text` (at most `limit`), or, when nothing fits, the nearest procedures.
    package func find(_ text: String, limit: Int = 5) -> Outcome {
        let query = TaskQuery(text, vocabulary: index.vocabulary, abbreviations: abbreviations)
        guard !query.concepts.isEmpty, limit > 0 else { return Outcome(query: query, matches: [], nearest: []) }
        let search = index.search(query)
        let hits = search.hits
        // Equal scores keep the index's order (the library's files in path order).
        let order = hits.indices.sorted { hits[$0].score != hits[$1].score ? hits[$0].score > hits[$1].score : hits[$0].document < hits[$1].document }
        // Only the procedures shown are judged in full and decoded (summaries come from the cache
        // on demand).
        func coverage(_ hit: Int) -> TaskCoverage {
            TaskCoverage(query: query, importance: search.importance, coverage: hits[hit].coverage)
        }
        func match(_ hit: Int, _ coverage: TaskCoverage) -> Match {
            let summary = index.documents[hits[hit].document].summary
            return Match(
                summary: summary, score: hits[hit].score, relevance: hits[hit].score, coverage: coverage.share,
                reliability: Self.reliability(summary), matched: coverage.matched.map { query.concepts[$0].text },
                missing: coverage.missing.map { query.concepts[$0].text }, concepts: coverage.matched)
        }
        guard let best = order.first, coverage(best).fits else {
            var nearest = order.prefix(Self.nearestCount * 2).map { match($0, coverage($0)) }
            breakNearTies(&nearest)
            return Outcome(query: query, matches: [], nearest: Array(nearest.prefix(Self.nearestCount)))
        }
        var fitting: [Match] = []
        for hit in order where fitting.count < limit * 3 + Self.nearestCount {
            let judged = coverage(hit)
            if judged.fits { fitting.append(match(hit, judged)) }
        }
        breakNearTies(&fitting)
        return Outcome(query: query, matches: grouped(Array(fitting.prefix(limit * 3)), limit: limit), nearest: [])
    }

    /// Moves the more reliable of two neighbours up when they match the same concepts and their
    /// scores are within ``nearTie``.
    private func breakNearTies(_ candidates: inout [Match]) {
        for start in candidates.indices.dropFirst() {
            var index = start
            while index > 0 {
                let (upper, lower) = (candidates[index - 1], candidates[index])
                guard upper.concepts == lower.concepts, lower.score >= upper.score * (1 - nearTie), lower.reliability > upper.reliability else { break }
                candidates.swapAt(index - 1, index)
                index -= 1
            }
        }
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
