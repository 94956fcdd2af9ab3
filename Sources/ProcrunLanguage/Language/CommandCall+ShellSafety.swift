import ProcrunSystem
import ProcrunText

extension CommandCall {
    /// Where a templated value of the command would become code, or stands inside arithmetic
    /// without being an integer: found before the run (see grammar.md, "Shell safety").
    func shellSafetyDiagnostics(in scope: NameShape, file: SourceFile) -> [Diagnostic] {
        switch command {
        case .line(let line):
            var diagnostics: [Diagnostic] = []
            if let input = standardInput {
                diagnostics += ShellPlanner.problems(inLine: line.template, standardInput: input.template).map { input.diagnostic($0, in: file) }
            }
            guard !line.template.isLiteral else { return diagnostics }
            let isInteger = { (expression: Expression) -> Bool in
                let type = expression.infer(in: scope)
                return type == .integer || type == .any
            }
            let isList = { (expression: Expression) -> Bool in expression.infer(in: scope) == .list }
            return ShellPlanner.problems(in: line.template, isInteger: isInteger, isList: isList).map { line.diagnostic($0, in: file) } + diagnostics
        case .arguments(let items):
            guard items.contains(where: { !$0.template.isLiteral }) || standardInput.map({ !$0.template.isLiteral }) == true else { return [] }
            let lists = items.flatMap { item in Self.listsInItem(item.template, in: scope).map { item.diagnostic($0, in: file) } }
            return lists + ShellPlanner.problems(inArguments: items.map(\.template), standardInput: standardInput?.template).map { found in
                let field = found.item < items.count ? items[found.item] : standardInput ?? items[0]
                return field.diagnostic(found.error, in: file)
            }
        }
    }

    /// A list in an item of a list-form command that holds more than its one template: it cannot
    /// spread into items there (``Template/renderItems(in:)``).
    private static func listsInItem(_ template: Template, in scope: NameShape) -> [TemplateError] {
        guard template.parts.count > 1 else { return [] }
        return template.parts.compactMap { part in
            guard case .expression(let expression, let range) = part, expression.infer(in: scope) == .list else { return nil }
            return TemplateError(range: range, .listInItem)
        }
    }
}
