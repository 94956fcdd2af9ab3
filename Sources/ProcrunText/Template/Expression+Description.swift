extension Expression: CustomStringConvertible {
    /// The expression in canonical form (`inputs.tag | default('x')`), for messages.
    package var description: String {
        switch kind {
        case .literal(let value):
            switch value {
            case .string(let text): return Expression.quoted(text)
            case .null: return "null"
            default: return value.jsonText
            }
        case .path(let path), .member(_, let path):
            return path.text
        case .filter(let operand, let call):
            var out = operand.nestedDescription + " | " + call.name
            if !call.arguments.isEmpty {
                out += "(" + call.arguments.map(\.description).joined(separator: ", ") + ")"
            }
            return out
        case .not(let operand):
            return "not " + operand.nestedDescription
        case .binary(let op, let left, let right, _):
            return left.nestedDescription + " " + op.rawValue + " " + right.nestedDescription
        case .conditional(let chosen, let condition, let otherwise):
            return chosen.nestedDescription + " if " + condition.nestedDescription + " else " + otherwise.description
        }
    }

    private var nestedDescription: String {
        switch kind {
        case .binary, .not, .conditional: "(" + description + ")"
        default: description
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
