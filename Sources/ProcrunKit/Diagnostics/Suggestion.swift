/// "Did you mean" suggestions: the closest known name to a misspelled one.
package enum Suggestion {
    /// The candidate nearest to `name` by edit distance, if it is near enough to be a likely typo
    /// (distance at most 2, or at most a third of the name's length for long names), or a candidate
    /// that `name` is a prefix of.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        if lowered.count >= 2, let extended = candidates.first(where: { $0.lowercased().hasPrefix(lowered) && $0 != name }) {
            return extended
        }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let limit = max(2, name.count / 3)
        if best.distance <= limit { return best.name }
        return nil
    }

    /// `"; did you mean 'x'?"` or the empty string.
    package static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The edit distance between two strings, by Unicode scalars: insertions, deletions,
    /// substitutions and swaps of two neighbouring letters (`lgo` is one edit from `log`), each
    /// counting one (the optimal-string-alignment distance).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
