extension Value {
    /// The value as compact JSON: mapping keys sorted, control characters escaped, non-ASCII text
    /// left as UTF-8, non-finite numbers written as `null`.
    package var jsonText: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    /// Appends `jsonText` to `out`.
    func appendJSON(to out: inout String) {
        switch self {
        case .string(let text): JSONWriter.appendString(text, to: &out)
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
                JSONWriter.appendString(key, to: &out)
                out += ":"
                fields[key]?.appendJSON(to: &out)
            }
            out += "}"
        }
    }
}
