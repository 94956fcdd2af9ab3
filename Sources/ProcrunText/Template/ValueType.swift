/// Static types used by the checker.
package enum ValueType: Sendable, Hashable {
    /// Text.
    case string
    /// A whole number.
    case integer
    /// A floating-point number.
    case number
    /// `true` or `false`.
    case boolean
    /// A list.
    case list
    /// A mapping.
    case mapping
    /// Known to be null.
    case null
    /// Not known before the run.
    case any

    /// The type's name as the language reference spells it.
    package var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .list: "list"
        case .mapping: "mapping"
        case .null: "null"
        case .any: "any"
        }
    }

    /// The name with its article: "a string", "an integer" (and "null", "anything").
    package var nameWithArticle: String {
        switch self {
        case .integer: "an integer"
        case .null: "null"
        case .any: "anything"
        default: "a \(name)"
        }
    }

    /// Whether the type is integer or number.
    var isNumeric: Bool { self == .integer || self == .number }
}
