import Glibc

/// Okapi BM25 over weighted fields (a BM25F simplification): each document's term frequencies are
/// already weighted by field, and scoring uses the usual saturation `k1` and length normalization `b`.
///
/// A search reads, for each document, only the frequencies of the query's terms, so documents
/// restored from the ``IndexCache`` are never fully decoded.
package struct BM25Index: Sendable {
    /// Term-frequency saturation.
    package var k1 = 1.2
    /// Length normalization.
    package var b = 0.75
    /// The documents, in index order.
    package let documents: [IndexedDocument]
    private let lengths: [Double]
    private let averageLength: Double

    /// Builds the index.
    package init(documents: [IndexedDocument]) {
        self.documents = documents
        lengths = documents.map(\.length)
        let total = lengths.reduce(0, +)
        averageLength = documents.isEmpty || total == 0 ? 1 : total / Double(documents.count)
    }

    /// The inverse document frequency of a term held by `df` documents (BM25's, always positive).
    package func idf(documentFrequency df: Int) -> Double {
        let n = Double(documents.count)
        return log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// One document's score for a query.
    package struct Hit: Sendable {
        /// The document's index.
        package var document: Int
        /// The BM25 score.
        package var score: Double
        /// The share of the query's weight that the document matches, 0 to 1: the idf of its
        /// matched terms over that of every query term some document holds. A term no procedure
        /// uses ("service" in "deploy the backend service") cannot tell procedures apart, so it
        /// does not count against any of them.
        package var coverage: Double
        /// The share of the query's distinct terms that some document holds, 0 to 1.
        package var knownShare: Double
        /// The share of those known terms that this document holds, 0 to 1 (each term counted
        /// once, whatever its idf).
        package var matchedShare: Double
    }

    /// Every document matching at least one of `terms`, unordered.
    package func search(_ terms: [String]) -> [Hit] {
        var unique: [String] = []
        for term in terms where !unique.contains(term) { unique.append(term) }
        var frequencies: [(document: Int, values: [Double])] = []
        var documentFrequency = [Int](repeating: 0, count: unique.count)
        let encoded = CachedLine.encoded(unique)
        for (index, document) in documents.enumerated() {
            let values = document.frequencies(of: unique, encoded: encoded)
            guard values.contains(where: { $0 > 0 }) else { continue }
            for (position, value) in values.enumerated() where value > 0 { documentFrequency[position] += 1 }
            frequencies.append((index, values))
        }
        let weights = documentFrequency.map { idf(documentFrequency: $0) }
        let totalWeight = zip(weights, documentFrequency).reduce(0) { $0 + ($1.1 > 0 ? $1.0 : 0) }
        let known = documentFrequency.filter { $0 > 0 }.count
        let knownShare = unique.isEmpty ? 0 : Double(known) / Double(unique.count)
        return frequencies.map { entry in
            var score = 0.0
            var matched = 0.0
            var matchedTerms = 0
            let norm = k1 * (1 - b + b * lengths[entry.document] / averageLength)
            for (position, frequency) in entry.values.enumerated() where frequency > 0 {
                score += weights[position] * frequency * (k1 + 1) / (frequency + norm)
                matched += weights[position]
                matchedTerms += 1
            }
            return Hit(
                document: entry.document, score: score, coverage: totalWeight > 0 ? matched / totalWeight : 0, knownShare: knownShare,
                matchedShare: known > 0 ? Double(matchedTerms) / Double(known) : 0)
        }
    }
}
