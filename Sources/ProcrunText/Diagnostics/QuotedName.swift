/// A name read from a file, as a message shows it: in single quotes, with invisible and
/// look-alike characters escaped (`'shell\u{200B}'`) and then named, so that a message never
/// reads `unknown action 'shell'` about a name that only looks like `shell`.
package enum QuotedName {
    /// `'name'`, then what its invisible or look-alike characters are, if it has any:
    /// `'\u{455}hell' (U+0455 CYRILLIC SMALL LETTER DZE looks like 's')`.
    package static func shown(_ name: String) -> String {
        let explanation = explained(name)
        return quoted(name) + (explanation.isEmpty ? "" : " (\(explanation))")
    }

    /// `'name'` with invisible and look-alike characters escaped as `\u{XXXX}`.
    static func quoted(_ name: String) -> String {
        var text = "'"
        for scalar in name.unicodeScalars {
            if kind(of: scalar) == nil {
                text.unicodeScalars.append(scalar)
            } else {
                text += "\\u{" + hex(scalar) + "}"
            }
        }
        return text + "'"
    }

    /// What each unusual character of `name` is, or the empty string.
    static func explained(_ name: String) -> String {
        var seen: Set<Unicode.Scalar> = []
        var parts: [String] = []
        for scalar in name.unicodeScalars where seen.insert(scalar).inserted {
            guard let kind = kind(of: scalar) else { continue }
            let title = "U+" + hex(scalar) + (scalar.properties.name.map { " " + $0 } ?? "")
            switch kind {
            case .invisible: parts.append(title + " is invisible")
            case .lookalike(let letter): parts.append(title + " looks like '\(letter)'")
            }
        }
        return parts.joined(separator: "; ")
    }

    enum Kind: Equatable {
        case invisible
        case lookalike(Character)
    }

    /// Whether a character is one a reader cannot see, or one that passes for an ASCII letter.
    static func kind(of scalar: Unicode.Scalar) -> Kind? {
        if scalar.isASCII {
            return scalar.value < 0x20 || scalar.value == 0x7F ? .invisible : nil
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace { return .invisible }
        switch properties.generalCategory {
        case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark: return .invisible
        default: break
        }
        if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return .lookalike(Character(ascii))
        }
        return lookalikes[scalar].map(Kind.lookalike)
    }

    /// Cyrillic and Greek letters drawn like ASCII ones.
    static let lookalikes: [Unicode.Scalar: Character] = [
        "а": "a", "в": "b", "е": "e", "ѕ": "s", "і": "i", "ј": "j", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "һ": "h",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "ο": "o", "ν": "v", "α": "a", "ι": "i", "κ": "k", "ρ": "p",
        "τ": "t", "υ": "u", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
        "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ı": "i", "ℓ": "l",
    ]

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
