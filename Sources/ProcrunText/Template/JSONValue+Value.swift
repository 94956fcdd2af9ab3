extension JSONValue {
    /// The JSON value a value stands for, as its ``Value/jsonText`` writes it: a mapping's members
    /// in name order (a mapping keeps no other), numbers as written there.
    package init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .number(Double(number), text: String(number))
        case .number(let number): self = number.isFinite ? .number(number, text: number.description) : .null
        case .boolean(let flag): self = .boolean(flag)
        case .null: self = .null
        case .list(let items): self = .array(items.map(JSONValue.init))
        case .mapping(let fields): self = .object(fields.keys.sorted().map { ($0, JSONValue(fields[$0] ?? .null)) })
        }
    }
}
