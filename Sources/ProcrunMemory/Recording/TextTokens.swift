/// The tokens the recorder compares recorded texts by: each run of letters, digits and `_` is one
/// token, and every other character is a token of its own (a space, a `/`, a `.`, a quote).
///
/// `make VERSION=1.2.0` is `make`, ` `, `VERSION`, `=`, `1`, `.`, `2`, `.`, `0`: two recordings of
/// a command line differ in a few tokens, and those are where its values stand.
package struct TextTokens: Sendable {
    /// The text as characters.
    package let characters: [Character]
    /// Each token as a range of ``characters``, in order.
    package let ranges: [Range<Int>]

    /// The tokens of `text`.
    package init(_ text: String) {
        let characters = Array(text)
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            if Self.isWordCharacter(character) {
                if start == nil { start = index }
            } else {
                if let begin = start { ranges.append(begin..<index) }
                start = nil
                ranges.append(index..<(index + 1))
            }
        }
        if let begin = start { ranges.append(begin..<characters.count) }
        self.characters = characters
        self.ranges = ranges
    }

    /// Whether `character` continues a word token.
    package static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The number of tokens.
    package var count: Int { ranges.count }

    /// The text of token `index`.
    package func text(_ index: Int) -> String {
        String(characters[ranges[index]])
    }

    /// The text of characters `range`.
    package func text(of range: Range<Int>) -> String {
        String(characters[range])
    }

    /// Whether token `index` is a single character that is not part of a word (a space, a sign).
    package func isSeparator(_ index: Int) -> Bool {
        ranges[index].count == 1 && !Self.isWordCharacter(characters[ranges[index].lowerBound])
    }

    /// The pairs of token indexes of a longest common subsequence of `a` and `b` (equal texts).
    package static func commonTokens(_ a: TextTokens, _ b: TextTokens) -> [(Int, Int)] {
        let left = (0..<a.count).map(a.text), right = (0..<b.count).map(b.text)
        let (n, m) = (left.count, right.count)
        guard n > 0, m > 0 else { return [] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = left[i] == right[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var (i, j) = (0, 0)
        while i < n, j < m {
            if left[i] == right[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// How alike two texts are, 0 to 1: the words (runs of letters, digits and `_`) they share in
    /// order over the longer one's words. Signs do not count (`git status --short` and `git diff
    /// --stat` share one word of three), and every number is the same word (`0.1.0` is `1.0.0`).
    package static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let left = TextTokens(a).words.map(Self.shape), right = TextTokens(b).words.map(Self.shape)
        let longest = max(left.count, right.count)
        return longest == 0 ? 0 : Double(SimilarityFinder.commonSubsequence(left, right)) / Double(longest)
    }

    /// A word as compared: `#` for a number.
    static func shape(_ word: String) -> String {
        word.allSatisfy(\.isNumber) ? "#" : word
    }

    /// The word tokens, in order.
    var words: [String] {
        (0..<count).filter { !isSeparator($0) }.map(text)
    }

    /// Whether token `index` is white space.
    package func isBlank(_ index: Int) -> Bool {
        isSeparator(index) && characters[ranges[index].lowerBound].isWhitespace
    }

}
