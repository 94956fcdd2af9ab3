/// Writes scalars so that YAML reads back exactly the text meant: plain when nothing could be
/// misread, otherwise quoted (single quotes when that needs no escapes, double quotes for control
/// characters).
package enum YAMLQuoting {
    /// Words YAML 1.1 would read as booleans or null.
    static let reservedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", ".inf", "-.inf", "+.inf", ".nan", "="]

    /// The scalar as it should be written after `key: ` or in a flow list.
    package static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return doubleQuoted(text)
        }
        if text.contains("'") { return doubleQuoted(text) }
        return "'" + text.replacingOccurrences("'", with: "''") + "'"
    }

    /// A mapping key: plain when it is a simple name, quoted otherwise.
    package static func key(_ text: String) -> String {
        let simple = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            && text.first?.isLetter == true
        return simple && !reservedWords.contains(text.lowercased()) ? text : scalar(text)
    }

    /// Whether `text` reads back as the same string when written plain, in block or flow context.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        guard first.isASCII, first.isLetter || first == "/" || first == "_" else { return false }
        guard last != " ", last != ":" else { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        var previous: Character = " "
        for character in text {
            guard character.isASCII else { return false }
            switch character {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "/", "-", "+", "=", "@", "%", "(", ")", "^":
                break
            case " ":
                if previous == " " || previous == ":" { return false }
            case ":":
                break
            default:
                return false
            }
            if previous == ":" && character == " " { return false }
            previous = character
        }
        return true
    }

    /// A double-quoted scalar with YAML escapes.
    package static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
