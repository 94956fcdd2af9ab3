extension Template {
    /// Every problem in the template's expressions, in order (all of them, not only the first).
    package func check(in scope: NameShape) -> [TemplateError] {
        var errors: [TemplateError] = []
        for case .expression(let expression, _) in parsedParts {
            errors += expression.check(in: scope)
        }
        return errors
    }

    /// The static type the template renders to: the expression's for a single-expression
    /// template, else `.string`.
    package func infer(in scope: NameShape) -> ValueType {
        if parsedParts.count == 1, case .expression(let expression, _) = parsedParts[0] {
            return expression.infer(in: scope)
        }
        return .string
    }
}
