import Glibc

/// Okapi BM25 over weighted fields (a BM25F simplification): each document's term frequencies are
/// already weighted by field, and scoring uses the usual saturation `k1` and length normalization `b`.
public struct BM25Index: Sendable {
    /// Term-frequency saturation.
    public var k1 = 1.2
    /// Length normalization.
    public var b = 0.75
    /// The documents, in index order.
    public let documents: [IndexedDocument]
    private var postings: [String: [(document: Int, frequency: Double)]] = [:]
    private var lengths: [Double] = []
    private var averageLength = 1.0

    /// Builds the index.
    public init(documents: [IndexedDocument]) {
        self.documents = documents
        lengths.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            for (term, frequency) in document.terms { postings[term, default: []].append((index, frequency)) }
            lengths.append(document.length)
        }
        let total = lengths.reduce(0, +)
        averageLength = documents.isEmpty || total == 0 ? 1 : total / Double(documents.count)
    }

    /// How many documents hold `term`.
    public func documentFrequency(_ term: String) -> Int {
        postings[term]?.count ?? 0
    }

    /// The inverse document frequency of `term` (BM25's, always positive).
    public func idf(_ term: String) -> Double {
        let n = Double(documents.count)
        let df = Double(documentFrequency(term))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// One document's score for a query.
    public struct Hit: Sendable {
        /// The document's index.
        public var document: Int
        /// The BM25 score.
        public var score: Double
        /// The share of the query's weight (its terms' idf) that the document matches, 0 to 1.
        public var coverage: Double
    }

    /// Every document matching at least one of `terms`, unordered.
    public func search(_ terms: [String]) -> [Hit] {
        let unique = Array(Set(terms))
        let weights = unique.map(idf)
        let totalWeight = weights.reduce(0, +)
        var scores: [Int: (score: Double, matched: Double)] = [:]
        for (term, weight) in zip(unique, weights) {
            for posting in postings[term] ?? [] {
                let frequency = posting.frequency
                let norm = k1 * (1 - b + b * lengths[posting.document] / averageLength)
                let gain = weight * frequency * (k1 + 1) / (frequency + norm)
                let current = scores[posting.document] ?? (0, 0)
                scores[posting.document] = (current.score + gain, current.matched + weight)
            }
        }
        return scores.map { Hit(document: $0.key, score: $0.value.score, coverage: totalWeight > 0 ? $0.value.matched / totalWeight : 0) }
    }
}
