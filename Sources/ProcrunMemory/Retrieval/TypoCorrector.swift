/// Reads a mistyped word of a task as the library word it was meant to be: a word of five letters
/// or more that the library does not know, within one edit (a letter left out, added, changed, or
/// two swapped: the Damerau distance) of a word it does, or two edits for a word of eight letters
/// or more (`restroe` → `restore`, `chnagelog` → `changelog`).
///
/// The first letter is taken as typed, and a word is not changed at its end except by a doubled
/// letter (`backfil` → `backfill`): a different ending is another form of the word (`router`,
/// `route`), which stemming already joins when it should.
package enum TypoCorrector {
    /// The shortest word corrected.
    package static let minimumLength = 5
    /// The shortest word corrected within two edits.
    package static let twoEditLength = 8

    /// The stems of the library words `word` (lowercase) may have been meant as, sorted; empty
    /// when it is too short, not all letters, or near nothing the library knows.
    package static func corrections(of word: String, in vocabulary: Vocabulary) -> [String] {
        let letters = Array(word.utf8)
        guard letters.count >= minimumLength, letters.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return [] }
        let own = Stemmer.stem(word)
        var found: Set<String> = []
        for variant in variants(of: letters) {
            let stem = Stemmer.stem(String(decoding: variant, as: UTF8.self))
            if stem != own, vocabulary.contains(stem) { found.insert(stem) }
        }
        if found.isEmpty, letters.count >= twoEditLength {
            let target = Array(own.utf8)
            for term in vocabulary.terms {
                let candidate = Array(term.utf8)
                guard candidate.first == target.first, abs(candidate.count - target.count) <= 2, term != own else { continue }
                if distance(target, candidate, limit: 2) <= 2 { found.insert(term) }
            }
        }
        return found.sorted()
    }

    /// The words one edit from `word` that keep its first letter and its ending (see the type).
    static func variants(of word: [UInt8]) -> Set<[UInt8]> {
        var out: Set<[UInt8]> = []
        let last = word.count - 1
        for index in 1...last {
            // Left out: the last letter only when it doubles the one before it.
            if index < last || word[index] == word[index - 1] {
                var shorter = word
                shorter.remove(at: index)
                out.insert(shorter)
            }
            if index < last {
                var swapped = word
                swapped.swapAt(index, index + 1)
                out.insert(swapped)
            }
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                if index < last, letter != word[index] {
                    var changed = word
                    changed[index] = letter
                    out.insert(changed)
                }
                var longer = word
                longer.insert(letter, at: index)
                out.insert(longer)
            }
        }
        out.insert(word + [word[last]])
        out.remove(word)
        return out
    }

    /// The optimal string alignment distance (Damerau: swaps count as one edit) between two words,
    /// or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
