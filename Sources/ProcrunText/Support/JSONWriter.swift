/// Builds JSON text with keys in the order they are written: the report's stable layout.
package struct JSONWriter {
    /// The text written so far.
    package private(set) var text = ""
    private var needsComma = [false]

    /// An empty writer.
    package init() {}

    /// Starts an object (as a value, or as the value of `key`).
    package mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    /// Ends the current object.
    package mutating func endObject() { close("}") }
    /// Starts an array.
    package mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    /// Ends the current array.
    package mutating func endArray() { close("]") }

    /// Writes a string member (or null).
    package mutating func string(_ key: String?, _ value: String?) {
        member(key, value.map(Self.quote) ?? "null")
    }

    /// Writes an integer member.
    package mutating func integer(_ key: String?, _ value: Int?) {
        member(key, value.map(String.init) ?? "null")
    }

    /// Writes a boolean member.
    package mutating func boolean(_ key: String?, _ value: Bool) {
        member(key, value ? "true" : "false")
    }

    /// Writes JSON text produced elsewhere as a member.
    package mutating func raw(_ key: String?, _ json: String) {
        member(key, json)
    }

    private mutating func member(_ key: String?, _ json: String) {
        separate()
        if let key { text += Self.quote(key) + ":" }
        text += json
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        member(key, bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        needsComma.removeLast()
        text += bracket
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// A JSON string literal for `string` (the one JSON string writer, ``appendString(_:to:)``).
    package static func quote(_ string: String) -> String {
        var out = ""
        Self.appendString(string, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal.
    package static func appendString(_ text: String, to out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00"
                    out += scalar.value < 0x10 ? "0" : "1"
                    out.unicodeScalars.append(hexDigit(scalar.value & 0xF))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hexDigit(_ value: UInt32) -> Unicode.Scalar {
        let digits: [Unicode.Scalar] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        return digits[Int(value & 0xF)]
    }
}
