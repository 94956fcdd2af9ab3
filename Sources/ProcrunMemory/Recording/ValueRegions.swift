/// Where the values of one recorded text stand, found by comparing its recordings: the spans of
/// tokens that differ between them, between tokens all of them share (``TextTokens``).
///
/// `make VERSION=1.2.0` / `make VERSION=1.3.0` / `make VERSION=1.3.1` differ in one span, which is
/// widened to the whole value it is part of: a version (`1.2.0`, not `2.0`), a date or a ticket
/// (`2024-01`, `PROJ-101`), a `v` before a version. A space all recordings share between two
/// differing spans (in `fix rounding in totals` / `add csv export`) is part of the value; another
/// sign between them (`erin,erin`, `wiki/wiki`) separates two places.
package enum ValueRegions {
    /// One place where the recordings differ: in each recording, the narrowest value that differs
    /// (``narrow``) and the widest value it is part of (``wide``), as character ranges.
    package struct Region: Sendable {
        /// In each recording, the version-like value the differing tokens are part of.
        package var narrow: [Range<Int>]
        /// In each recording, the value with dates, tickets and a leading `v` taken in.
        package var wide: [Range<Int>]
    }

    /// The places where `texts` (two or more recordings of one text) differ, in order; none when
    /// they are all equal. A place where one recording has nothing is not a value.
    package static func regions(_ texts: [String]) -> [Region] {
        guard texts.count > 1, Set(texts).count > 1 else { return [] }
        let tokens = texts.map(TextTokens.init)
        let first = tokens[0]
        // Tokens of the first text that every other text shares, in order: the anchors.
        var mapped: [[Int: Int]] = []
        var anchored = Set(0..<first.count)
        for other in tokens.dropFirst() {
            let pairs = TextTokens.commonTokens(first, other)
            mapped.append(Dictionary(uniqueKeysWithValues: pairs))
            anchored.formIntersection(pairs.map(\.0))
        }
        // A separator between two differing spans belongs to the value.
        var changed = true
        while changed {
            changed = false
            for index in anchored.sorted() where first.isBlank(index) && index > 0 && index + 1 < first.count {
                if !anchored.contains(index - 1) && !anchored.contains(index + 1) {
                    anchored.remove(index)
                    changed = true
                }
            }
        }
        let anchors = anchored.sorted()
        var regions: [Region] = []
        var previous = -1
        for anchor in anchors + [first.count] {
            defer { previous = anchor }
            guard anchor - previous > 1 || spanDiffers(previous, anchor, tokens, mapped) else { continue }
            var spans: [Range<Int>] = []
            for (position, text) in tokens.enumerated() {
                let start = previous < 0 ? 0 : characterEnd(of: previous, in: text, position: position, tokens: tokens, mapped: mapped)
                let end = anchor >= first.count ? text.characters.count : characterStart(of: anchor, in: text, position: position, mapped: mapped)
                spans.append(start..<max(start, end))
            }
            // A sign every value ends (or starts) with is the frame's, not the value's: `lisbon_`.
            while spans.allSatisfy({ $0.count > 1 }), let sign = Self.sign(at: spans[0].upperBound - 1, in: tokens[0]),
                zip(tokens, spans).allSatisfy({ $0.characters[$1.upperBound - 1] == sign })
            {
                spans = spans.map { $0.lowerBound..<($0.upperBound - 1) }
            }
            while spans.allSatisfy({ $0.count > 1 }), let sign = Self.sign(at: spans[0].lowerBound, in: tokens[0]),
                zip(tokens, spans).allSatisfy({ $0.characters[$1.lowerBound] == sign })
            {
                spans = spans.map { ($0.lowerBound + 1)..<$0.upperBound }
            }
            let values = zip(tokens, spans).map { $0.text(of: $1) }
            guard Set(values).count > 1, !values.contains(where: \.isEmpty) else { continue }
            let narrow = zip(tokens, spans).map { widen($1, in: $0.characters, wide: false) }
            let wide = zip(tokens, spans).map { widen($1, in: $0.characters, wide: true) }
            if let last = regions.last, zip(last.wide, wide).allSatisfy({ $0.overlaps($1) }) {
                regions[regions.count - 1] = Region(
                    narrow: zip(last.narrow, narrow).map { min($0.lowerBound, $1.lowerBound)..<max($0.upperBound, $1.upperBound) },
                    wide: zip(last.wide, wide).map { min($0.lowerBound, $1.lowerBound)..<max($0.upperBound, $1.upperBound) })
            } else {
                regions.append(Region(narrow: narrow, wide: wide))
            }
        }
        return regions
    }

    /// The character at `index` of `text` when it is a sign (neither a letter nor a digit).
    private static func sign(at index: Int, in text: TextTokens) -> Character? {
        let character = text.characters[index]
        return character.isLetter || character.isNumber ? nil : character
    }

    /// Whether the (empty in the first text) span between anchors `a` and `b` holds tokens in
    /// another text.
    private static func spanDiffers(_ a: Int, _ b: Int, _ tokens: [TextTokens], _ mapped: [[Int: Int]]) -> Bool {
        for position in 1..<tokens.count {
            let start = a < 0 ? 0 : (mapped[position - 1][a] ?? 0) + 1
            let end = b >= tokens[0].count ? tokens[position].count : mapped[position - 1][b] ?? 0
            if end > start { return true }
        }
        return false
    }

    /// The character where the text at `position` continues after anchor `anchor` of the first text.
    private static func characterEnd(of anchor: Int, in text: TextTokens, position: Int, tokens: [TextTokens], mapped: [[Int: Int]]) -> Int {
        let token = position == 0 ? anchor : mapped[position - 1][anchor] ?? 0
        return text.ranges[token].upperBound
    }

    /// The character where anchor `anchor` of the first text starts in the text at `position`.
    private static func characterStart(of anchor: Int, in text: TextTokens, position: Int, mapped: [[Int: Int]]) -> Int {
        let token = position == 0 ? anchor : mapped[position - 1][anchor] ?? 0
        return text.ranges[token].lowerBound
    }

    /// `range` widened to the value it is part of: digits joined by `.` (a version) always; with
    /// `wide`, also digit groups joined by `-` (a date), a `v` or `V` before a version, and an
    /// upper-case word joined by `-` before digits (a ticket, `PROJ-101`).
    static func widen(_ range: Range<Int>, in characters: [Character], wide: Bool) -> Range<Int> {
        var (start, end) = (range.lowerBound, range.upperBound)
        func digit(_ index: Int) -> Bool { index >= 0 && index < characters.count && characters[index].isASCII && characters[index].isNumber }
        let text = characters[start..<end]
        guard text.contains(where: { $0.isNumber }) || (start > 0 && digit(start - 1)) || digit(end) else { return range }
        func joins(_ index: Int) -> Bool { characters[index] == "." || (wide && characters[index] == "-") }
        var grew = true
        while grew {
            grew = false
            if digit(start - 1) || (start >= 2 && joins(start - 1) && digit(start - 2) && digit(start)) {
                start -= 1
                grew = true
            }
            if digit(end) || (end + 1 < characters.count && joins(end) && digit(end + 1) && digit(end - 1)) {
                end += 1
                grew = true
            }
        }
        guard wide else { return start..<end }
        if start >= 1, characters[start - 1] == "v" || characters[start - 1] == "V", start < 2 || !TextTokens.isWordCharacter(characters[start - 2]) {
            start -= 1
        } else if start >= 3, characters[start - 1] == "-" {
            var word = start - 1
            while word > 0, characters[word - 1].isASCII, characters[word - 1].isUppercase { word -= 1 }
            if start - 1 - word >= 2, word == 0 || !TextTokens.isWordCharacter(characters[word - 1]) { start = word }
        }
        return start..<end
    }
}
