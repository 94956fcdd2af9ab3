import ProcrunSystem
import ProcrunText

extension LibraryAction {
    /// The lists a step passes (`parameters: {args: "{{ inputs.args }}"}`) that the action's
    /// command reads where a list cannot spread as words: inside quotes or part of a word
    /// (``TemplateProblem/listNotWord``), or in a list-form item holding more than the one
    /// template (``TemplateProblem/listInItem``). Each is reported at the step's argument.
    func listProblems(_ arguments: [(name: String, field: TemplateField)], in scope: NameShape, file: SourceFile) -> [Diagnostic] {
        let lists = arguments.filter { ProcedureChecker.type(of: $0.field, in: scope) == .list }
        guard !lists.isEmpty else { return [] }
        let names = Set(lists.map(\.name))
        let isList = { (expression: Expression) -> Bool in Self.parameter(expression).map(names.contains) ?? false }
        var refused: [String: TemplateProblem] = [:]
        switch command.command {
        case .line(let line):
            let expressions = line.template.parts.compactMap { part -> (Expression, Range<Int>)? in
                if case .expression(let expression, let range) = part { return (expression, range) }
                return nil
            }
            for error in ShellPlanner.problems(in: line.template, isInteger: { _ in true }, isList: isList) where error.problem == .listNotWord {
                guard let (expression, _) = expressions.first(where: { $0.1 == error.range }), let name = Self.parameter(expression) else { continue }
                refused[name] = .listNotWord
            }
        case .arguments(let items):
            for item in items where item.template.parts.count > 1 {
                for expression in item.template.expressions where isList(expression) {
                    if let name = Self.parameter(expression) { refused[name] = .listInItem }
                }
            }
        }
        return lists.compactMap { argument in
            guard let problem = refused[argument.name] else { return nil }
            return argument.field.diagnostic(problem, at: 0, in: file)
        }
    }

    /// The parameter a bare `{{ params.NAME }}` reads, or nil.
    private static func parameter(_ expression: Expression) -> String? {
        guard case .path(let path) = expression.kind, path.root == "params", path.components.count == 1, case .field(let name) = path.components[0] else {
            return nil
        }
        return name
    }
}
