/// "Did you mean": the one way procrun finds the known name a misspelled one was meant as, for
/// keys, actions, parameters, procedures, inputs, commands, template names and filters alike.
package enum Suggestion {
    /// The candidate `name` was most likely meant as, compared without regard to case, or nil.
    ///
    /// A candidate that `name` (two letters or more) begins is taken first: a name cut short.
    /// Otherwise the candidate fewest edits away (``editDistance(_:_:)``) is taken, when it is at
    /// most 2 edits away (a third of the name's length for longer names) and fewer edits than
    /// either name has letters (`ab` is not a typo of `cd`). Of equally near candidates, the
    /// alphabetically first is taken, so the answer never depends on the candidates' order.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(name.lowercased().unicodeScalars)
        guard !lowered.isEmpty else { return nil }
        let limit = max(2, lowered.count / 3)
        var best: (candidate: String, edits: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            let edits: Int
            if lowered.count >= 2, other.starts(with: lowered) {
                edits = 0
            } else {
                guard abs(other.count - lowered.count) <= limit else { continue }
                edits = editDistance(lowered, other)
                guard edits <= limit, edits < min(lowered.count, other.count) else { continue }
            }
            if best.map({ edits < $0.edits || (edits == $0.edits && candidate < $0.candidate) }) ?? true {
                best = (candidate, edits)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"` or the empty string.
    package static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The edit distance between two strings, by Unicode scalars: insertions, deletions,
    /// substitutions and swaps of two neighbouring letters (`lgo` is one edit from `log`), each
    /// counting one (the optimal-string-alignment distance).
    package static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The same distance between two arrays of Unicode scalars.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
