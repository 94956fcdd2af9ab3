import ProcrunText

extension ProcedureChecker {
    /// The problems of `preconditions` in `scope`, as a `when`'s and a `shell` step's command's
    /// are found: an expression's names, filters and type (it must be true or false), a command's
    /// templates and its shell safety, a message's templates.
    func check(_ preconditions: [Precondition], in scope: NameShape) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for precondition in preconditions {
            if case .that(let condition) = precondition.test { problems += check(condition, in: scope) }
            for field in precondition.templates where !field.template.isLiteral { problems += check(field, in: scope) }
            if case .command(let call) = precondition.test { problems += call.shellSafetyDiagnostics(in: scope, file: procedure.file) }
        }
        return problems
    }
}
