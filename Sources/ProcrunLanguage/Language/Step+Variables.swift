package import ProcrunText

extension Step {
    /// The names of the variables (`vars.NAME`) the step reads before it decides to run (its
    /// `when`, and its `for_each` items or matrix: `deciding`), or the rest of it reads (its action, its
    /// expectations, its outputs): what the run computes first, so that a `{sh: ...}` variable
    /// runs at its first read and not for a step its `when` skips.
    package func variablesRead(deciding: Bool) -> Set<String> {
        var expressions: [Expression] = []
        if deciding {
            guard !hasDefaultSettings else { return [] }
            if let when { expressions.append(when.expression) }
            switch loop?.items {
            case .expression(let condition)?: expressions.append(condition.expression)
            case .written(let fields)?: expressions += fields.flatMap(\.template.expressions)
            case .matrix(let matrix)?:
                expressions += matrix.expressions.map(\.condition.expression) + matrix.templates.flatMap(\.template.expressions)
            case nil: break
            }
            return Variable.names(readBy: expressions)
        }
        var fields: [TemplateField] = []
        call.collectTemplates(into: &fields)
        if !hasDefaultSettings {
            expect.collectTemplates(into: &fields)
            fields += outputs.map(\.field)
            if let upToDate { fields += upToDate.templates }
        }
        expressions = fields.flatMap(\.template.expressions)
        if case .builtin(let action) = call { expressions += action.conditions.map(\.expression) }
        return Variable.names(readBy: expressions)
    }
}

extension Variable {
    /// The names of the variables `expressions` read (`vars.NAME`).
    package static func names(readBy expressions: [Expression]) -> Set<String> {
        var names: Set<String> = []
        for expression in expressions {
            for subject in expression.subjects where subject.hasPrefix("vars.") { names.insert(String(subject.dropFirst(5))) }
        }
        return names
    }

    /// The names of the variables its templates read: those declared above it.
    package var variablesRead: Set<String> {
        Self.names(readBy: templates.flatMap(\.template.expressions))
    }
}
