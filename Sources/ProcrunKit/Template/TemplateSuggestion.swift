/// "Did you mean" for names and filters in templates.
enum TemplateSuggestion {
    /// The candidate closest to `name`: within edit distance 2 (and less than the shorter length), or
    /// one that `name` is a prefix of. Ties go to the alphabetically first candidate.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(name.lowercased().unicodeScalars)
        guard !lowered.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance: Int
            if other.starts(with: lowered) {
                distance = 2
            } else {
                let edits = editDistance(lowered, other)
                guard edits <= 2, edits < min(lowered.count, other.count) else { continue }
                distance = edits
            }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between two scalar arrays.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
