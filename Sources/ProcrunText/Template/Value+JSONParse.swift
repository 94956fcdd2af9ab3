extension Value {
    /// Reads one JSON text (RFC 8259) into a value; nil when it is not valid JSON.
    ///
    /// Integers that fit in `Int` stay integers; other numbers are `number`. A repeated key keeps
    /// its last value. Parsing is ``JSONParser``'s (with its nesting limit), the one JSON reader.
    package init?(jsonText: String) {
        guard let parsed = try? JSONParser.parse(jsonText) else { return nil }
        self.init(json: parsed)
    }

    /// The value a parsed JSON value stands for (objects become mappings; key order is dropped).
    init(json: JSONValue) {
        switch json {
        case .string(let text): self = .string(text)
        case .number(let number, let text):
            let isInteger = !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            if isInteger, let integer = Int(text) { self = .integer(integer) } else { self = .number(number) }
        case .boolean(let flag): self = .boolean(flag)
        case .null: self = .null
        case .array(let items): self = .list(items.map(Value.init(json:)))
        case .object(let members):
            var mapping: [String: Value] = [:]
            for member in members { mapping[member.key] = Value(json: member.value) }
            self = .mapping(mapping)
        }
    }
}
