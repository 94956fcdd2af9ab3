extension Expression {
    /// The two-operand operators.
    package enum BinaryOperator: String, Sendable, Hashable {
        case or, and
        case equal = "==", notEqual = "!="
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case `in` = "in", notIn = "not in"

        /// Whether the operator orders its operands (`<`, `<=`, `>`, `>=`).
        var isOrdering: Bool {
            switch self {
            case .less, .lessOrEqual, .greater, .greaterOrEqual: true
            default: false
            }
        }
    }
}
