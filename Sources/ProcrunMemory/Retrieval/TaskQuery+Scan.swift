import ProcrunText

extension TaskQuery {
    /// Characters taken off both ends of a piece of the task.
    static let framing: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "#", "$", "%", "*", "`", "\u{2018}", "\u{2019}",
        "\u{201C}", "\u{201D}",
    ]

    /// The words of `text`, each with its piece, clause and kind of piece.
    static func words(of text: String, abbreviations: Abbreviations) -> [Word] {
        var words: [Word] = []
        var clause = 0
        for (chunk, piece) in text.split(whereSeparator: \.isWhitespace).enumerated() {
            let endsClause = piece.last.map { ",;:.!?".contains($0) } ?? false
            let stripped = withoutContraction(String(piece.drop(while: framing.contains).reversed().drop(while: framing.contains).reversed()))
            if !stripped.isEmpty {
                let value = isValue(stripped, abbreviations: abbreviations)
                let parts = Tokenizer.words(stripped)
                for part in parts {
                    words.append(Word(text: part, chunk: chunk, clause: clause, chunkText: stripped, isValue: value, isCompound: parts.count > 1))
                }
            }
            if endsClause { clause += 1 }
        }
        var subordinate = (clause: -1, on: false)
        for index in words.indices {
            if words[index].clause != subordinate.clause { subordinate = (words[index].clause, false) }
            if !words[index].isValue, ContextWords.subordinators.contains(words[index].text) { subordinate.on = true }
            words[index].isCircumstance = subordinate.on
        }
        return words
    }

    /// `piece` without an English contraction: `we're` → `we`, `night's` → `night`, `can't` → `can`.
    static func withoutContraction(_ piece: String) -> String {
        let text = piece.replacingOccurrences("\u{2019}", with: "'")
        let lower = text.lowercased()
        if lower.hasSuffix("n't") {
            switch lower {
            case "can't": return "can"
            case "won't": return "will"
            default: return String(text.dropLast(3))
            }
        }
        for suffix in ["'s", "'re", "'m", "'ll", "'ve", "'d"] where lower.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    /// Whether a piece of a task (white space around it, punctuation taken off) is a value rather
    /// than words: an e-mail address or a path (`@`, `/`, `::`), a dotted name (a host, a file, a
    /// version: `db-prod-3.internal`, `v2.3.1`), or anything with a digit (`4f2c9ab`, `CHG-1042`,
    /// `10k`, `web-7`) except an abbreviation and a name of letters and digits that starts with a
    /// letter and is short or mostly letters (`s3`, `r53`, `k8s`, `python3`, `log4j`; `v2` is a
    /// version).
    static func isValue(_ piece: String, abbreviations: Abbreviations) -> Bool {
        let bytes = Array(piece.utf8)
        if abbreviations.expansion(of: piece.lowercased()) != nil { return false }
        if bytes.contains(UInt8(ascii: "@")) || bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) || piece.contains("::") {
            return true
        }
        func isAlphanumeric(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || isDigit(byte) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        for index in bytes.indices.dropFirst().dropLast() where bytes[index] == UInt8(ascii: ".") {
            if isAlphanumeric(bytes[index - 1]), isAlphanumeric(bytes[index + 1]) { return true }
        }
        guard bytes.contains(where: isDigit) else { return false }
        let letters = bytes.filter { !isDigit($0) }.count
        let name = !isDigit(bytes[0]) && bytes.allSatisfy(isAlphanumeric) && (bytes.count <= 4 || letters * 5 >= bytes.count * 3)
        let version = (bytes[0] | 0x20) == UInt8(ascii: "v") && bytes.dropFirst().allSatisfy(isDigit)
        return !name || version
    }
}
