extension ProcedureLoader {
    /// Compiles a call of another procedure: `replay_procedure` with `procedure` and `inputs`, or
    /// (when `direct`) the callee's name as the action with its inputs as the parameters. A callee
    /// named literally is loaded now, and the inputs are checked against its declarations.
    func compileProcedureCall(
        _ action: Located<String>, _ parameters: [Parameter], direct: Bool, parametersMisspelled: Bool, reader: inout NodeReader
    ) -> ActionCall? {
        guard let graph else { return nil }
        let before = reader.diagnostics.count
        let reference: ProcedureCall.Reference
        var given: [Parameter] = parameters
        if direct {
            reference = .fixed(action)
        } else {
            guard let named = parameters.first(where: { $0.name == "procedure" }) else { return nil }
            guard let text = reader.string(named.node, "parameter 'procedure'") else { return nil }
            if text.contains("{{"), !named.isLiteral {
                guard let field = Self.template(named.node, "parameter 'procedure'", reader: &reader) else { return nil }
                reference = .templated(field)
            } else {
                reference = .fixed(Located(text, at: named.node.start))
            }
            given = []
            if let inputs = parameters.first(where: { $0.name == "inputs" }), !inputs.node.isNull {
                given = (reader.mapping(inputs.node, "parameter 'inputs'") ?? []).map { Parameter(name: $0.key, keyStart: $0.keyStart, node: $0.value) }
            }
        }
        var call = ProcedureCall(reference: reference, location: action.location)
        call.inputs = given.compactMap { compileInput($0, reader: &reader) }
        if case .fixed(let name) = reference {
            switch graph.callee(name, from: reader.file, reader: &reader) {
            case .found(let signature):
                call.callee = signature
                checkInputs(of: call, against: signature, direct: direct, checkRequired: !parametersMisspelled, reader: &reader)
            case .unavailable: break
            case .invalid: return nil
            }
        }
        return reader.diagnostics.count == before ? .procedure(call) : nil
    }

    /// One value passed to an input: typed when written as a plain boolean or number or tagged
    /// with a type (``YAMLScalar/literalValue``), a list of templates, or a template.
    private func compileInput(_ parameter: Parameter, reader: inout NodeReader) -> ProcedureCall.Input? {
        guard NodeReader.isIdentifier(parameter.name) else {
            reader.error(.invalidName, "input names must be letters, digits, '_' and '-' starting with a letter, found '\(parameter.name)'", at: parameter.keyStart)
            return nil
        }
        let node = parameter.node
        func input(_ value: ProcedureCall.Input.Form) -> ProcedureCall.Input {
            ProcedureCall.Input(name: parameter.name, keyStart: parameter.keyStart, valueStart: node.start, value: value)
        }
        if parameter.isLiteral, let text = node.scalar?.text { return input(.template(.literal(text, at: node.start))) }
        switch node.content {
        case .scalar(let scalar):
            if let value = scalar.literalValue { return input(.typed(value)) }
            return Self.template(node, "input '\(parameter.name)'", reader: &reader).map { input(.template($0)) }
        case .sequence(let items):
            let fields = items.compactMap { Self.template($0, "an item of input '\(parameter.name)'", reader: &reader) }
            return fields.count == items.count ? input(.list(fields)) : nil
        case .mapping:
            reader.error(.expectedString, "expected a value or a list for input '\(parameter.name)', found a mapping", at: node.start)
            return nil
        }
    }

    /// Names, required inputs, and the types and allowed values of literal values, against the
    /// callee's declarations. (Templated values are checked by ``ProcedureChecker``.)
    private func checkInputs(
        of call: ProcedureCall, against callee: ProcedureSignature, direct: Bool, checkRequired: Bool, reader: inout NodeReader
    ) {
        let file = reader.file
        func error(_ id: Diagnostic.ID, _ message: String, at location: SourceLocation, note: Diagnostic.Note) {
            reader.append([Diagnostic(.error, message, id: id, path: file.path, at: location, notes: [note])])
        }
        let declared = callee.inputs.map(\.name)
        for input in call.inputs {
            guard let spec = callee.inputs.first(where: { $0.name == input.name }) else {
                let hint = declared.isEmpty ? " (it declares none)" : Suggestion.hint(for: input.name, in: declared)
                error(
                    .unknownInput, "procedure '\(callee.name)' has no input \(QuotedName.shown(input.name))\(hint)", at: input.keyStart,
                    note: Diagnostic.Note("procedure '\(callee.name)' is defined here", path: callee.path, at: callee.location))
                continue
            }
            let literal: Value?
            switch input.value {
            case .typed(let value): literal = value == .null ? nil : value
            case .template(let field): literal = field.template.expressions.isEmpty ? .string(field.text) : nil
            case .list: literal = spec.kind == .list || spec.kind == .string ? nil : .list([])
            }
            guard let literal else { continue }
            guard let value = spec.kind.coerce(literal) else {
                error(
                    .inputMismatch, "input '\(spec.name)' of procedure '\(callee.name)' expects \(spec.kind.nameWithArticle), found \(literal.passedDescription)",
                    at: input.valueStart, note: callee.declaration(of: spec))
                continue
            }
            if let allowed = spec.allowed, !allowed.contains(value) {
                let list = allowed.map { (try? $0.rendered()) ?? "" }.joined(separator: ", ")
                error(
                    .inputMismatch, "input '\(spec.name)' of procedure '\(callee.name)' must be one of \(list), found \(literal.passedDescription)",
                    at: input.valueStart, note: callee.declaration(of: spec))
            }
        }
        for spec in callee.inputs
        where checkRequired && spec.required && spec.defaultValue == nil && !call.inputs.contains(where: { $0.name == spec.name }) {
            error(
                .missingParameter, "procedure '\(callee.name)' needs input '\(spec.name)'; pass it in \(direct ? "'parameters'" : "'inputs'")",
                at: call.location, note: callee.declaration(of: spec))
        }
    }
}
