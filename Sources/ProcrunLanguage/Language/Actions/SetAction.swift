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
    /// Where each variable's name is written.
    let keys: [String: SourceLocation]

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        values = parameters.parameters.compactMap { Self.value($0, parameters, reader: &reader) }
        keys = Dictionary(parameters.parameters.map { ($0.name, $0.keyStart) }) { first, _ in first }
    }

    /// A `set` of a variable that `vars:` declares (one of `declared`) is an error at its name,
    /// with a note at the declaration: a name has one meaning.
    func redeclared(_ declared: [Variable], library: SourceFile?, file: SourceFile) -> [Diagnostic] {
        values.compactMap { name, _ in
            guard let variable = declared.last(where: { $0.name.value == name }), let key = keys[name] else { return nil }
            let declaration = variable.isLibrary ? library : file
            let note = Diagnostic.Note(LanguageProblem.declaredHere(variable: name), path: declaration?.path, at: variable.name.location)
            return .error(LanguageProblem.setDeclaredVar(name: name), in: file, at: key, notes: [note])
        }
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
