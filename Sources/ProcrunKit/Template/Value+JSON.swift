extension Value {
    /// The value as compact JSON: mapping keys sorted, control characters escaped, non-ASCII text
    /// left as UTF-8, non-finite numbers written as `null`.
    public var jsonText: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    /// Appends `jsonText` to `out`.
    func appendJSON(to out: inout String) {
        switch self {
        case .string(let text): Value.appendJSONString(text, to: &out)
        case .integer(let number): out += String(number)
        case .number(let number): out += number.isFinite ? number.description : "null"
        case .boolean(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.appendJSON(to: &out)
            }
            out += "]"
        case .mapping(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Value.appendJSONString(key, to: &out)
                out += ":"
                fields[key]?.appendJSON(to: &out)
            }
            out += "}"
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendJSONString(_ text: String, to out: inout String) {
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
