package import ProcrunRuntime

/// Picks the part of an outcome that a replay can be expected to print again: words, never a
/// number, a timestamp, a hash, a temporary path or a secret.
///
/// Each line is cut into words; a word with a digit, a path under a temporary folder, a month or
/// weekday name, a time-zone abbreviation or a secret breaks the line. The longest run of
/// remaining words (ties go to the later line, where summaries usually are) is the fragment.
package enum StableFragment {
    /// The longest fragment kept, in characters.
    package static let maxLength = 60
    /// The shortest fragment worth expecting.
    package static let minLength = 4

    static let calendarWords: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "utc", "gmt", "cet", "cest", "est", "edt",
        "pst", "pdt", "am", "pm", "today", "yesterday", "ago",
    ]
    static let temporaryPrefixes = ["/tmp", "/var/tmp", "/var/folders", "/private/var", "/dev/shm", "/run/user", "~/tmp"]

    /// The fragment of plain text, if any.
    package static func pick(from text: String) -> String? {
        pick(from: [.text(text)])
    }

    /// The fragment of a redacted outcome, if any; secret places never take part.
    package static func pick(from parts: [RedactedPart]) -> String? {
        var best: String?
        for part in parts {
            guard case .text(let text) = part else { continue }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var run: [Substring] = []
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                for word in words + [""] {
                    if !word.isEmpty, isStable(word) {
                        run.append(word)
                        continue
                    }
                    if let candidate = fragment(run, in: line), candidate.count >= (best?.count ?? 0) { best = candidate }
                    run = []
                }
            }
        }
        return best
    }

    /// The fragment that every one of several outcomes of the same step holds: the last
    /// outcome's fragment when all hold it, else the one before's, and so on; nil when there is
    /// none, or fewer than two outcomes (one observation is no evidence that a text comes back).
    package static func shared(by outcomes: [[RedactedPart]]) -> String? {
        guard outcomes.count >= 2 else { return nil }
        let texts = outcomes.map(RedactedPart.text(of:))
        return outcomes.reversed().lazy.compactMap(pick(from:)).first { fragment in texts.allSatisfy { $0.contains(fragment) } }
    }

    /// The text of `line` from the first to the last of `words` (spacing as printed), trimmed to
    /// whole words within ``maxLength``.
    private static func fragment(_ words: [Substring], in line: Substring) -> String? {
        var words = ArraySlice(words)
        while let last = words.last, last.allSatisfy({ !$0.isLetter }) { words.removeLast() }
        while let first = words.first, first.allSatisfy({ !$0.isLetter }) { words.removeFirst() }
        while let first = words.first, let last = words.last, line.distance(from: first.startIndex, to: last.endIndex) > maxLength {
            words.removeLast()
        }
        guard let first = words.first, let last = words.last else { return nil }
        let text = String(line[first.startIndex..<last.endIndex])
        guard text.count >= minLength, text.filter(\.isLetter).count >= 3 else { return nil }
        return text
    }

    /// Whether a word is likely to be printed the same way on every run.
    static func isStable(_ word: Substring) -> Bool {
        if word.contains(where: \.isNumber) { return false }
        if word.contains("{{") || word.contains("}}") { return false }
        let bare = word.trimmingPunctuation()
        if calendarWords.contains(bare.lowercased()) { return false }
        if temporaryPrefixes.contains(where: { word.contains($0 + "/") || bare == $0 }) { return false }
        if word.contains("procrun-") { return false }
        if word.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        return true
    }
}

extension Substring {
    /// The word without leading and trailing punctuation.
    func trimmingPunctuation() -> Substring {
        var word = self
        while let first = word.first, !(first.isLetter || first.isNumber) { word.removeFirst() }
        while let last = word.last, !(last.isLetter || last.isNumber) { word.removeLast() }
        return word
    }
}
