import Glibc

/// Okapi BM25 over weighted fields (a BM25F simplification): each document's term frequencies are
/// already weighted by field, and scoring uses the usual saturation `k1` and length normalization `b`.
///
/// A task is searched concept by concept (``TaskQuery``): each concept scores by its best form in
/// a document, times the concept's weight, so that `k8s` and `kubernetes` in one task do not count
/// twice and a number counts little. A search reads, for each document, only the frequencies of the
/// task's terms, so documents restored from the ``IndexCache`` are never fully decoded.
package struct BM25Index: Sendable {
    /// Term-frequency saturation.
    package var k1 = 1.2
    /// Length normalization.
    package var b = 0.75
    /// The documents, in index order.
    package let documents: [IndexedDocument]
    /// Every term the documents use (and, from the cache, possibly a few more).
    package let vocabulary: Vocabulary
    private let lengths: [Double]
    private let averageLength: Double

    /// Builds the index; the vocabulary is the documents' own unless given.
    package init(documents: [IndexedDocument], vocabulary: Vocabulary? = nil) {
        self.documents = documents
        self.vocabulary = vocabulary ?? Vocabulary(documents: documents)
        lengths = documents.map(\.length)
        let total = lengths.reduce(0, +)
        averageLength = documents.isEmpty || total == 0 ? 1 : total / Double(documents.count)
    }

    /// The inverse document frequency of a term held by `df` documents (BM25's, always positive).
    package func idf(documentFrequency df: Int) -> Double {
        let n = Double(documents.count)
        return log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// One document's score for a task.
    package struct Hit: Sendable {
        /// The document's index.
        package var document: Int
        /// The BM25 score.
        package var score: Double
        /// How much of each of the task's concepts the document holds, 0 to 1: the share of the
        /// best form's terms it holds (a correction of a typo counting 0.7).
        package var coverage: [Double]
    }

    /// What a search found.
    package struct Search: Sendable {
        /// Every document matching at least one of the task's terms, unordered.
        package var hits: [Hit]
        /// How much each concept tells procedures apart: the idf of its most common form (of the
        /// rarest term of that form); for a concept the library knows in no form, the idf of a
        /// term one document holds (as much as the rarest word can say), scaled down by
        /// ``longTaskWords`` over the number of required concepts once a task has more of them.
        /// Zero for concepts that are not required.
        package var importance: [Double]
    }

    /// From how many required concepts on a task is long, so that a word the library does not
    /// know weighs less: the context of a long task is not what it asks for.
    package static let longTaskWords = 4

    /// Searches for `query`.
    package func search(_ query: TaskQuery) -> Search {
        let terms = query.terms
        let position = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($0.element, $0.offset) })
        var frequencies: [(document: Int, values: [Double])] = []
        var documentFrequency = [Int](repeating: 0, count: terms.count)
        let encoded = CachedLine.encoded(terms)
        for (index, document) in documents.enumerated() {
            let values = document.frequencies(of: terms, encoded: encoded)
            guard values.contains(where: { $0 > 0 }) else { continue }
            for (position, value) in values.enumerated() where value > 0 { documentFrequency[position] += 1 }
            frequencies.append((index, values))
        }
        let weights = documentFrequency.map { idf(documentFrequency: $0) }
        let forms = query.concepts.map { concept in concept.forms.map { form in form.terms.compactMap { position[$0] } } }
        let corrections = query.concepts.map { concept in concept.forms.map(\.isCorrection) }
        let conceptWeights = query.concepts.map(\.weight)
        let hits = frequencies.map { entry in
            var score = 0.0
            var coverage = [Double](repeating: 0, count: forms.count)
            let norm = k1 * (1 - b + b * lengths[entry.document] / averageLength)
            for (concept, conceptForms) in forms.enumerated() {
                var best = (score: 0.0, share: 0.0)
                for (number, terms) in conceptForms.enumerated() where !terms.isEmpty {
                    let correction = corrections[concept][number]
                    var sum = 0.0
                    var held = 0
                    for term in terms {
                        let frequency = entry.values[term]
                        guard frequency > 0, !correction || frequency >= 1 else { continue }
                        sum += weights[term] * frequency * (k1 + 1) / (frequency + norm)
                        held += 1
                    }
                    let factor = correction ? TaskQuery.Concept.correctionWeight : 1
                    let formScore = factor * sum / Double(terms.count)
                    if formScore > best.score { best = (formScore, factor * Double(held) / Double(terms.count)) }
                }
                score += conceptWeights[concept] * best.score
                coverage[concept] = best.share
            }
            return Hit(document: entry.document, score: score, coverage: coverage)
        }
        let required = query.required.count
        let importance = query.concepts.enumerated().map { (concept, item) -> Double in
            guard item.isRequired else { return 0 }
            let common = forms[concept].map { terms in terms.map { documentFrequency[$0] }.min() ?? 0 }.max() ?? 0
            if common > 0 { return idf(documentFrequency: common) }
            return idf(documentFrequency: 1) * min(1, Double(Self.longTaskWords) / Double(max(required, 1)))
        }
        return Search(hits: hits, importance: importance)
    }
}
