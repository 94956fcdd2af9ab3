extension Expression {
    /// The expression's value; undefined names, wrong types and bad filter uses are errors
    /// positioned where they are written.
    package func evaluate(in context: RenderContext) throws(TemplateError) -> Value {
        try value(in: context.roots)
    }

    func value(in roots: [String: Value]) throws(TemplateError) -> Value {
        switch kind {
        case .literal(let value):
            return value
        case .path(let path):
            switch try path.lookup(in: roots) {
            case .found(let value): return value
            case .missing(let error): throw error
            }
        case .member(let operand, let path):
            switch try path.lookup(in: [path.root: try operand.value(in: roots)]) {
            case .found(let value): return value
            case .missing(let error): throw error
            }
        case .filter(let operand, let call):
            return try applyFilter(call, to: operand, in: roots)
        case .not(let operand):
            return .boolean(!(try operand.boolean(in: roots, for: "not")))
        case .binary(let op, let left, let right, let operatorRange):
            return try binary(op, left, right, operatorRange: operatorRange, in: roots)
        case .conditional(let chosen, let condition, let otherwise):
            return try (condition.boolean(in: roots, for: "if") ? chosen : otherwise).value(in: roots)
        }
    }

    private func boolean(in roots: [String: Value], for operatorName: String) throws(TemplateError) -> Bool {
        let result = try value(in: roots)
        guard case .boolean(let flag) = result else {
            throw TemplateError(range: range, .operatorNotBoolean(operator: operatorName, found: result.valueType))
        }
        return flag
    }

    private func applyFilter(_ call: FilterCall, to operand: Expression, in roots: [String: Value]) throws(TemplateError) -> Value {
        guard let filter = call.filter else { throw call.unknownFilterError }
        if let error = call.arityError(filter) { throw error }
        let input: Value
        if filter == .default, case .path(let path) = operand.kind {
            switch try path.lookup(in: roots) {
            case .found(let value): input = value
            case .missing: input = .null
            }
        } else if filter == .default, case .member(let inner, let path) = operand.kind {
            switch try path.lookup(in: [path.root: try inner.value(in: roots)]) {
            case .found(let value): input = value
            case .missing: input = .null
            }
        } else {
            input = try operand.value(in: roots)
        }
        guard filter.accepts(input.valueType) else { throw call.typeError(filter, found: input.valueType) }
        if filter == .default, case .null = input {
            return try call.arguments[0].value(in: roots)
        }
        var arguments: [Value] = []
        if !call.arguments.isEmpty {
            arguments.reserveCapacity(call.arguments.count)
            for (index, argument) in call.arguments.enumerated() {
                let value = try argument.value(in: roots)
                if let error = call.argumentError(filter, at: index, found: value.valueType) { throw error }
                arguments.append(value)
            }
        }
        return try filter.apply(to: input, arguments: arguments, call: call)
    }

    private func binary(
        _ op: BinaryOperator, _ left: Expression, _ right: Expression, operatorRange: Range<Int>,
        in roots: [String: Value]
    ) throws(TemplateError) -> Value {
        switch op {
        case .and:
            guard try left.boolean(in: roots, for: "and") else { return .boolean(false) }
            return .boolean(try right.boolean(in: roots, for: "and"))
        case .or:
            if try left.boolean(in: roots, for: "or") { return .boolean(true) }
            return .boolean(try right.boolean(in: roots, for: "or"))
        default:
            break
        }
        let lhs = try left.value(in: roots)
        let rhs = try right.value(in: roots)
        switch op {
        case .equal: return .boolean(Value.templateEquals(lhs, rhs))
        case .notEqual: return .boolean(!Value.templateEquals(lhs, rhs))
        case .in, .notIn:
            if let error = Expression.membershipError(left: lhs.valueType, right: rhs.valueType, operatorRange: operatorRange) {
                throw error
            }
            let found = Value.templateContains(rhs, lhs)
            return .boolean(op == .in ? found : !found)
        default:
            guard let order = Value.templateOrder(lhs, rhs) else {
                throw Expression.orderingError(op, left: lhs.valueType, right: rhs.valueType, operatorRange: operatorRange)
            }
            switch op {
            case .less: return .boolean(order < 0)
            case .lessOrEqual: return .boolean(order <= 0)
            case .greater: return .boolean(order > 0)
            default: return .boolean(order >= 0)
            }
        }
    }

    /// "cannot compare string and integer with '<'".
    static func orderingError(_ op: BinaryOperator, left: ValueType, right: ValueType, operatorRange: Range<Int>) -> TemplateError {
        TemplateError(range: operatorRange, .cannotCompare(operator: op.rawValue, left: left, right: right))
    }

    /// The error for `in` between these types, or nil when they fit (`.any` always fits).
    static func membershipError(left: ValueType, right: ValueType, operatorRange: Range<Int>) -> TemplateError? {
        switch right {
        case .list, .any:
            return nil
        case .string, .mapping:
            guard left != .string, left != .any else { return nil }
            return TemplateError(range: operatorRange, .membershipLeft(right: right, found: left))
        default:
            return TemplateError(range: operatorRange, .membershipRight(found: right))
        }
    }
}
