/// A JSON value as read from an action log: objects keep their keys in the order written.
public enum JSONValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A number, with the text it was written as (so `3` stays an integer).
    case number(Double, text: String)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
    /// An array.
    case array([JSONValue])
    /// An object: its members in the order written (a repeated key keeps its last value).
    case object([(key: String, value: JSONValue)])

    /// The member named `key`, if this is an object holding it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The value as compact JSON text, keys in their written order.
    public var jsonText: String {
        switch self {
        case .string(let text): return JSONWriter.quote(text)
        case .number(_, let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JSONWriter.quote($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// A short name for messages: "a string", "an object", ...
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Two values are equal when their JSON texts are (numbers compare as written).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.jsonText == rhs.jsonText
    }

    /// Hashes the JSON text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(jsonText)
    }
}
