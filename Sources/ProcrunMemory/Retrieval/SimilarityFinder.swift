/// Finds groups of near-duplicate procedures, judged mainly by their steps: the same actions in
/// the same order with the same parameters, even when their names and descriptions differ.
///
/// Two procedures' similarity is `0.45 × steps in common order + 0.45 × step words + 0.1 × words`:
/// the longest common subsequence of their step signatures (action and parameter words) over the
/// longer step list, the Jaccard overlap of all their step words, and the Jaccard overlap of their
/// name, description and tags. Pairs at or above the threshold are joined into groups, except
/// procedures that do opposite things (``Opposites``: add and delete, backup and restore), which
/// never share a group however alike their steps are.
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
        /// The procedure to keep: the best lower bound of the success rate (``isBetter(_:_:)``).
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
        /// The words compared for opposites (``Opposites/words(of:)``).
        var opposites: Set<String>
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
        return Profile(signatures: signatures, stepWords: stepWords, words: words, opposites: Opposites.words(of: summary))
    }

    /// How alike two procedures are, 0 to 1.
    package static func similarity(_ a: ProcedureSummary, _ b: ProcedureSummary) -> Double {
        similarity(profile(a), profile(b))
    }

    /// How alike two prepared procedures are, 0 to 1; 0 when they do opposite things.
    static func similarity(_ a: Profile, _ b: Profile) -> Double {
        if Opposites.contrast(a.opposites, b.opposites) != nil { return 0 }
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
        var joined: [Int: [Int]] = [:]
        var edges: [(Int, Int, Double)] = []
        for (index, profile) in profiles.enumerated() {
            compared.removeAll(keepingCapacity: true)
            for signature in Set(profile.signatures) {
                guard let sharing = bySignature[signature], sharing.count <= commonSignatureLimit else { continue }
                for other in sharing where other > index && compared.insert(other).inserted {
                    let score = Self.similarity(profile, profiles[other])
                    guard score >= threshold else { continue }
                    // Two groups join only when no member of one does the opposite of a member of
                    // the other: add ~ update ~ delete must not make add and delete one group.
                    let (a, b) = (root(index), root(other))
                    guard a != b else {
                        edges.append((index, other, score))
                        continue
                    }
                    let left = joined[a] ?? [a], right = joined[b] ?? [b]
                    guard !left.contains(where: { x in right.contains { Opposites.contrast(profiles[x].opposites, profiles[$0].opposites) != nil } }) else { continue }
                    edges.append((index, other, score))
                    parent[b] = a
                    joined[a] = left + right
                    joined[b] = nil
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

    /// Whether `a` is the better one to keep: the higher lower bound of its success rate (a known
    /// one beats none), then shorter average duration, then more runs, then name. The bound (Wilson's,
    /// at 95%) weighs the rate by the number of runs: 9 runs at 67% (bound 0.35) beat 1 run at 100%
    /// (bound 0.21).
    package static func isBetter(_ a: ProcedureSummary, _ b: ProcedureSummary) -> Bool {
        let boundA = lowerBound(a) ?? -1
        let boundB = lowerBound(b) ?? -1
        if boundA != boundB { return boundA > boundB }
        let durationA = a.averageDurationMilliseconds ?? Int.max
        let durationB = b.averageDurationMilliseconds ?? Int.max
        if durationA != durationB { return durationA < durationB }
        if a.runs != b.runs { return a.runs > b.runs }
        return a.name < b.name
    }

    /// The Wilson lower bound (95%) of a procedure's success rate; nil when it never ran.
    package static func lowerBound(_ summary: ProcedureSummary) -> Double? {
        guard summary.runs > 0 else { return summary.successRate }
        let n = Double(summary.runs)
        let rate = Double(min(max(0, summary.successes), summary.runs)) / n
        let z = 1.96, z2 = z * z
        let centre = rate + z2 / (2 * n)
        let spread = z * (rate * (1 - rate) / n + z2 / (4 * n * n)).squareRoot()
        return (centre - spread) / (1 + z2 / n)
    }
}
