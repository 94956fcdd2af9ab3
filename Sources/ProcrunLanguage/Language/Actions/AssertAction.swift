import ProcrunText

/// `assert`: fails unless every condition holds. Outcome: `true`.
final class AssertAction: ComputingAction {
    static let declaration = ActionDeclaration(
        "assert", "Fails unless every condition holds. Outcome: true.",
        parameters: [
            ActionParameter("that", .conditions, .required, "a [condition](#conditions), or a list of them, all of which must hold"),
            ActionParameter("message", .template, .optional, "the error shown when it fails"),
        ])

    /// What must hold.
    let conditions: [Condition]
    /// The error shown when one does not.
    let message: TemplateField?

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let that = parameters.node("that") else { return nil }
        let nodes = that.node.items ?? [that.node]
        conditions = nodes.compactMap { ProcedureLoader.condition($0, "parameter 'that'", reader: &reader) }
        message = parameters.field("message", reader: &reader)
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        if let message { fields.append(message) }
    }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        for condition in conditions {
            let value: Value
            do {
                value = try condition.expression.evaluate(in: context.names)
            } catch {
                throw StepFailure(.template, DiagnosticRenderer.line(condition.diagnostic(error.explained(by: context.names), in: context.file)))
            }
            guard case .boolean(let holds) = value else {
                throw StepFailure(.assertionNotBoolean(condition: condition.node.scalar?.text ?? "", type: value.valueType))
            }
            if !holds {
                let sides = Self.sides(of: condition.expression, in: context)
                throw StepFailure(try context.string(message).map(StepProblem.stated) ?? .assertionFalse(condition: condition.node.scalar?.text ?? ""), quoting: sides)
            }
        }
        result.outcome = "true"
    }

    /// ` (left: 5, right: 3)`: the values a false comparison compared, for people (secrets
    /// hidden); empty for a condition that compares nothing. Never part of the failure's message,
    /// which the stats block keeps.
    static func sides(of expression: Expression, in context: any ActionContext) -> String {
        guard case .binary(let operation, let left, let right, _) = expression.kind, operation != .and, operation != .or,
            let leftValue = try? left.evaluate(in: context.names), let rightValue = try? right.evaluate(in: context.names)
        else { return "" }
        return context.redact(" (left: \(leftValue.jsonText.excerpt(80)), right: \(rightValue.jsonText.excerpt(80)))")
    }
}
