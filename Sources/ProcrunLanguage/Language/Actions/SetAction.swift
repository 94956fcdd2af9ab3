import ProcrunText

/// `set`: each parameter becomes a variable for later steps (`vars.NAME`). Outcome: empty.
final class SetAction: ComputingAction {
    static let declaration = ActionDeclaration(
        "set", "Each parameter becomes a variable for later steps (`vars.NAME`).",
        anyName: ActionParameter(
            "NAME", .value, .optional,
            "a variable for later steps, `vars.NAME`; a plain `true`, `false` or number, or a value that is exactly one `{{ expression }}`, keeps its type"))

    /// The variables, in file order.
    let values: [(name: String, value: SetValue)]

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        values = parameters.parameters.compactMap { Self.value($0, parameters, reader: &reader) }
    }

    /// A variable: typed when written as a plain boolean or number or tagged with a type
    /// (``YAMLScalar/literalValue``), else a template.
    private static func value(
        _ parameter: ProcedureLoader.Parameter, _ parameters: ActionCompiler, reader: inout NodeReader
    ) -> (name: String, value: SetValue)? {
        guard NodeReader.isIdentifier(parameter.name) else {
            reader.error(.setVariableName(found: parameter.name), at: parameter.keyStart)
            return nil
        }
        guard let scalar = parameter.node.scalar, !scalar.isNull else {
            reader.error(.variableValue(name: parameter.name, found: parameter.node.kindDescription), at: parameter.node.start)
            return nil
        }
        if !parameter.isLiteral, let value = scalar.literalValue { return (parameter.name, .typed(value)) }
        return parameters.field(parameter, reader: &reader).map { (parameter.name, .template($0)) }
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        for (_, value) in values {
            if case .template(let field) = value { fields.append(field) }
        }
    }

    func assignedVariables(in scope: NameShape) -> [(name: String, shape: NameShape)] {
        values.map { name, value in
            switch value {
            case .typed(let typed): (name, .value(ProcedureChecker.type(of: typed)))
            case .template(let field): (name, .value(ProcedureChecker.type(of: field, in: scope)))
            }
        }
    }

    /// Sets the variables in order; `vars` stays visible while they render, as it was before the step.
    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        var vars = context.vars
        defer { context.vars = vars }
        for (name, value) in values {
            switch value {
            case .typed(let typed): vars[name] = typed
            case .template(let field): vars[name] = try context.render(field)
            }
        }
    }
}
