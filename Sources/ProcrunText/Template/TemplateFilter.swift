/// The filters of grammar.md, with what they accept and produce.
package enum TemplateFilter: String, Sendable, Hashable, CaseIterable {
    case `default`, lower, upper, trim, json, quote, raw, length, join, split, replace
    case first, last, lines, match, int, string, basename, dirname, absolute, startswith, endswith
    /// Not `join`: that name joins a list's items.
    case pathJoin = "path_join"
    /// Not `quote`, which changes nothing as a command's last filter: this one always quotes.
    case shellQuote = "shell_quote"
    case fromJSON = "from_json", toJSON = "to_json"

    /// How many arguments the filter takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .default, .match, .startswith, .endswith, .pathJoin: 1...1
        case .join, .split: 0...1
        case .replace: 2...2
        default: 0...0
        }
    }

    /// The value types the filter applies to; nil for anything.
    var accepted: [ValueType]? {
        switch self {
        case .default, .json, .toJSON, .string: nil
        case .lower, .upper, .trim, .raw, .fromJSON, .split, .replace, .lines, .match, .basename, .dirname, .absolute,
            .startswith, .endswith, .pathJoin: [.string]
        case .quote, .shellQuote: [.string, .integer, .number, .boolean]
        case .length: [.string, .list, .mapping]
        case .join, .first, .last: [.list]
        case .int: [.string, .number, .integer]
        }
    }

    /// The type each argument must have (`.any` for anything).
    var argumentType: ValueType {
        self == .default ? .any : .string
    }

    /// Whether the filter applies to a value of `type`.
    func accepts(_ type: ValueType) -> Bool {
        guard let accepted else { return type != .null || self != .string }
        return accepted.contains(type)
    }

    /// The static type of the result, given the operand's and the arguments' types.
    func resultType(operand: ValueType, arguments: [ValueType]) -> ValueType {
        switch self {
        case .default:
            let fallback = arguments.first ?? .any
            if operand == .null { return fallback }
            return operand == fallback ? operand : .any
        case .lower, .upper, .trim, .json, .toJSON, .quote, .shellQuote, .join, .replace, .string, .basename, .dirname, .absolute, .pathJoin:
            return .string
        case .startswith, .endswith: return .boolean
        case .raw: return operand == .any ? .any : operand
        case .length, .int: return .integer
        case .split, .lines: return .list
        case .first, .last, .match, .fromJSON: return .any
        }
    }
}
