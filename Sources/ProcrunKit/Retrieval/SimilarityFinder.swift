/// Finds groups of near-duplicate procedures, judged mainly by their steps: the same actions in
/// the same order with the same parameters, even when their names and descriptions differ.
///
/// Two procedures' similarity is `0.45 × steps in common order + 0.45 × step words + 0.1 × words`:
/// the longest common subsequence of their step signatures (action and parameter words) over the
/// longer step list, the Jaccard overlap of all their step words, and the Jaccard overlap of their
/// name, description and tags. Pairs at or above the threshold are joined into groups.
public struct SimilarityFinder: Sendable {
    /// The least similarity for two procedures to be near-duplicates.
    package var threshold = 0.75
    /// Step signatures shared by more procedures than this are too common to pair by.
    package var commonSignatureLimit = 400

    /// A finder with the default threshold.
    package init(threshold: Double = 0.75) {
        self.threshold = threshold
    }

    /// A group of near-duplicates and the one to keep.
    public struct Group: Sendable {
        /// The procedure to keep: the best success rate, then the shortest average duration.
        public var keep: ProcedureSummary
        /// The others, best first.
        public var others: [ProcedureSummary]
        /// The average similarity of the pairs that joined the group, 0 to 1.
        public var similarity: Double
    }

    /// A procedure prepared for comparison.
    struct Profile {
        var signatures: [String]
        var stepWords: Set<String>
        var words: Set<String>
    }

    static func profile(_ summary: ProcedureSummary) -> Profile {
        var signatures: [String] = []
        var stepWords: Set<String> = []
        for step in summary.steps {
            var words = Tokenizer.terms(step.action == "shell" ? "" : step.action)
            for parameter in step.parameters {
                let value = parameter.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
                words += Tokenizer.terms(value).filter { !$0.allSatisfy(\.isNumber) }
            }
            stepWords.formUnion(words)
            signatures.append(step.action + "|" + words.joined(separator: " "))
        }
        let words = Set(Tokenizer.terms(summary.name + " " + summary.description + " " + summary.tags.joined(separator: " ")))
        return Profile(signatures: signatures, stepWords: stepWords, words: words)
    }

    /// How alike two procedures are, 0 to 1.
    package static func similarity(_ a: ProcedureSummary, _ b: ProcedureSummary) -> Double {
        similarity(profile(a), profile(b))
    }

    static func similarity(_ a: Profile, _ b: Profile) -> Double {
        let longest = max(a.signatures.count, b.signatures.count)
        let order = longest == 0 ? 0 : Double(commonSubsequence(a.signatures, b.signatures)) / Double(longest)
        return 0.45 * order + 0.45 * jaccard(a.stepWords, b.stepWords) + 0.1 * jaccard(a.words, b.words)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    static func commonSubsequence(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The groups among `summaries` (superseded procedures are left out), largest first.
    package func groups(_ summaries: [ProcedureSummary]) -> [Group] {
        let candidates = summaries.filter { $0.supersededBy == nil && !$0.steps.isEmpty }
        let profiles = candidates.map(Self.profile)
        var bySignature: [String: [Int]] = [:]
        for (index, profile) in profiles.enumerated() {
            for signature in Set(profile.signatures) { bySignature[signature, default: []].append(index) }
        }
        var parent = Array(candidates.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var compared: Set<Int> = []
        var edges: [(Int, Int, Double)] = []
        for (index, profile) in profiles.enumerated() {
            compared.removeAll(keepingCapacity: true)
            for signature in Set(profile.signatures) {
                guard let sharing = bySignature[signature], sharing.count <= commonSignatureLimit else { continue }
                for other in sharing where other > index && compared.insert(other).inserted {
                    let score = Self.similarity(profile, profiles[other])
                    if score >= threshold {
                        edges.append((index, other, score))
                        parent[root(other)] = root(index)
                    }
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in candidates.indices { members[root(index), default: []].append(index) }
        var groups: [Group] = []
        for (groupRoot, indices) in members where indices.count > 1 {
            let ranked = indices.map { candidates[$0] }.sorted(by: Self.isBetter)
            let scores = edges.filter { root($0.0) == groupRoot }.map(\.2)
            let average = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            groups.append(Group(keep: ranked[0], others: Array(ranked.dropFirst()), similarity: average))
        }
        return groups.sorted {
            $0.others.count != $1.others.count ? $0.others.count > $1.others.count : $0.keep.name < $1.keep.name
        }
    }

    /// Whether `a` is the better one to keep: higher success rate (a known one beats none), then
    /// shorter average duration, then more runs, then name.
    package static func isBetter(_ a: ProcedureSummary, _ b: ProcedureSummary) -> Bool {
        let rateA = a.successRate ?? -1
        let rateB = b.successRate ?? -1
        if rateA != rateB { return rateA > rateB }
        let durationA = a.averageDurationMilliseconds ?? Int.max
        let durationB = b.averageDurationMilliseconds ?? Int.max
        if durationA != durationB { return durationA < durationB }
        if a.runs != b.runs { return a.runs > b.runs }
        return a.name < b.name
    }
}
