/// Turns text into search terms: lowercase words split at anything but letters and digits (so
/// `deploy_backend` and `deploy-backend` are `deploy backend`, and `deployBackend` too), English
/// stop words dropped, each word stemmed by ``Stemmer``.
package enum Tokenizer {
    /// Words too common to tell procedures apart.
    package static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
        "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "please", "let", "lets", "using", "use", "via",
    ]

    /// The terms of `text`, in order, repeats kept.
    package static func terms(_ text: String) -> [String] {
        var stems: [String: String] = [:]
        return terms(text, stems: &stems)
    }

    /// The terms of `text`, remembering each word's stem in `stems` (indexing a whole library
    /// stems each distinct word once).
    package static func terms(_ text: String, stems: inout [String: String]) -> [String] {
        var out: [String] = []
        scan(text) { text in
            guard isTerm(text) else { return }
            if let stem = stems[text] {
                out.append(stem)
            } else {
                let stem = Stemmer.stem(text)
                stems[text] = stem
                out.append(stem)
            }
        }
        return out
    }

    /// The lowercase words of `text` as written, in order, stop words included: what ``terms(_:)``
    /// stems, for reading a task word by word.
    package static func words(_ text: String) -> [String] {
        var out: [String] = []
        scan(text) { out.append($0) }
        return out
    }

    /// Whether a lowercase word is searched for: not a stop word, and longer than one letter
    /// (a lone digit counts).
    package static func isTerm(_ word: String) -> Bool {
        !stopWords.contains(word) && (word.count > 1 || word.first?.isNumber == true)
    }

    /// The stem of a lowercase word, or nil when it is not searched for (``isTerm(_:)``).
    package static func stem(_ word: String) -> String? {
        isTerm(word) ? Stemmer.stem(word) : nil
    }

    /// Calls `body` with each lowercase word of `text`.
    private static func scan(_ text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var previousLower = false
        func finish() {
            guard !word.isEmpty else { return }
            body(String(decoding: word, as: UTF8.self))
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(byte)
                    previousLower = byte >= UInt8(ascii: "a")
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if previousLower { finish() }
                    word.append(byte + 32)
                    previousLower = false
                default:
                    finish()
                    previousLower = false
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: Array(String(scalar).lowercased().utf8))
                previousLower = scalar.properties.isLowercase
            } else {
                finish()
                previousLower = false
            }
        }
        finish()
    }

    /// The words written joined by hyphens in `text` (`on-call` → `oncall`, `roll-back` →
    /// `rollback`), lowercase: two or three parts of ASCII letters only, so that a task writing the
    /// word whole finds a procedure that hyphenates it. Values (`web-7`, `v2-rc1`) are left out.
    package static func hyphenCompounds(_ text: String) -> [String] {
        var out: [String] = []
        var parts: [[UInt8]] = []
        var part: [UInt8] = []
        var joinable = true
        func finish() {
            if !part.isEmpty { parts.append(part) }
            if joinable, (2...3).contains(parts.count) { out.append(String(decoding: parts.joined(), as: UTF8.self)) }
            parts.removeAll()
            part.removeAll()
            joinable = true
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): part.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): part.append(byte + 32)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                joinable = false
                part.append(byte)
            case UInt8(ascii: "-") where !part.isEmpty:
                parts.append(part)
                part.removeAll()
            default: finish()
            }
        }
        finish()
        return out
    }
}
