extension Expression {
    /// Every problem found before the run: undefined names (with "did you mean"), unknown filters,
    /// wrong argument counts, filters and operators applied to the wrong known types, invalid
    /// `match` patterns given as literals.
    package func check(in scope: NameShape) -> [TemplateError] {
        var errors: [TemplateError] = []
        _ = staticType(in: scope, errors: &errors)
        return errors
    }

    /// The best static type of the expression: `.any` when it is not known before the run.
    package func infer(in scope: NameShape) -> ValueType {
        var errors: [TemplateError] = []
        return staticType(in: scope, errors: &errors)
    }

    func staticType(in scope: NameShape, errors: inout [TemplateError]) -> ValueType {
        switch kind {
        case .literal(let value):
            return value.valueType
        case .path(let path):
            return path.staticType(in: scope, allowMissing: false, errors: &errors)
        case .member(let operand, let path):
            let type = operand.staticType(in: scope, errors: &errors)
            if let first = path.components.first, type != .any, type != .mapping, type != .list {
                errors.append(path.wrongType(at: 0, found: type, component: first))
            }
            return .any
        case .filter(let operand, let call):
            return filterType(call, operand: operand, in: scope, errors: &errors)
        case .not(let operand):
            operand.expectBoolean(for: "not", in: scope, errors: &errors)
            return .boolean
        case .binary(let op, let left, let right, let operatorRange):
            if op == .and || op == .or {
                left.expectBoolean(for: op.rawValue, in: scope, errors: &errors)
                right.expectBoolean(for: op.rawValue, in: scope, errors: &errors)
                return .boolean
            }
            let lhs = left.staticType(in: scope, errors: &errors)
            let rhs = right.staticType(in: scope, errors: &errors)
            if op == .in || op == .notIn {
                if let error = Expression.membershipError(left: lhs, right: rhs, operatorRange: operatorRange) { errors.append(error) }
            } else if op.isOrdering, lhs != .any, rhs != .any,
                !(lhs.isNumeric && rhs.isNumeric), !(lhs == .string && rhs == .string)
            {
                errors.append(Expression.orderingError(op, left: lhs, right: rhs, operatorRange: operatorRange))
            }
            return .boolean
        case .conditional(let chosen, let condition, let otherwise):
            condition.expectBoolean(for: "if", in: scope, errors: &errors)
            let first = chosen.staticType(in: scope, errors: &errors)
            let second = otherwise.staticType(in: scope, errors: &errors)
            return first == second ? first : .any
        }
    }

    private func expectBoolean(for operatorName: String, in scope: NameShape, errors: inout [TemplateError]) {
        let type = staticType(in: scope, errors: &errors)
        if type != .any, type != .boolean {
            errors.append(TemplateError(range: range, .operatorNotBoolean(operator: operatorName, found: type)))
        }
    }

    private func filterType(_ call: FilterCall, operand: Expression, in scope: NameShape, errors: inout [TemplateError]) -> ValueType {
        let operandType: ValueType
        if call.filter == .default, case .path(let path) = operand.kind {
            operandType = path.staticType(in: scope, allowMissing: true, errors: &errors)
        } else {
            operandType = operand.staticType(in: scope, errors: &errors)
        }
        var argumentTypes: [ValueType] = []
        for argument in call.arguments {
            argumentTypes.append(argument.staticType(in: scope, errors: &errors))
        }
        guard let filter = call.filter else {
            errors.append(call.unknownFilterError)
            return .any
        }
        if let error = call.arityError(filter) { errors.append(error) }
        if operandType != .any, !filter.accepts(operandType) {
            errors.append(call.typeError(filter, found: operandType))
        }
        for (index, type) in argumentTypes.enumerated() {
            if let error = call.argumentError(filter, at: index, found: type) { errors.append(error) }
        }
        if filter == .match, let pattern = call.arguments.first, case .literal(.string(let text)) = pattern.kind,
            case .failure(let error) = TemplateFilter.compile(text)
        {
            errors.append(TemplateError(range: pattern.range, error))
        }
        return filter.resultType(operand: operandType, arguments: argumentTypes)
    }
}
