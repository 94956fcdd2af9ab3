import ProcrunText

extension ProcedureLoader {
    /// Compiles a call of another procedure: `replay_procedure` with `procedure` and `inputs`, or
    /// (when `direct`) the callee's name as the action with its inputs as the parameters. A callee
    /// named literally is loaded now, and the inputs are checked against its declarations.
    /// `need`: the call is an entry of a `needs:` list (a cycle through it says "needs").
    func compileProcedureCall(
        _ action: Located<String>, _ parameters: [Parameter], direct: Bool, parametersMisspelled: Bool, need: Bool = false, reader: inout NodeReader
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
            switch graph.callee(name, from: reader.file, need: need, reader: &reader) {
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
            reader.error(.invalidName(kind: "input", found: parameter.name), at: parameter.keyStart)
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
            reader.error(.callInputIsMapping(input: parameter.name), at: node.start)
            return nil
        }
    }

    /// Names, required inputs, and the types and allowed values of literal values, against the
    /// callee's declarations. (Templated values are checked by ``ProcedureChecker``.)
    private func checkInputs(
        of call: ProcedureCall, against callee: ProcedureSignature, direct: Bool, checkRequired: Bool, reader: inout NodeReader
    ) {
        let declared = callee.inputs.map(\.name)
        for input in call.inputs {
            guard let spec = callee.inputs.first(where: { $0.name == input.name }) else {
                reader.error(
                    .calleeHasNoInput(callee: callee.name, input: input.name, declared: declared), at: input.keyStart,
                    notes: [Diagnostic.Note(LanguageProblem.definedHere(procedure: callee.name), path: callee.path, at: callee.location)])
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
                reader.error(
                    .calleeInputType(input: spec.name, callee: callee.name, expects: spec.kind.nameWithArticle, found: literal.passedDescription),
                    at: input.valueStart, notes: [callee.declaration(of: spec)])
                continue
            }
            if let allowed = spec.allowed, !allowed.contains(value) {
                let list = allowed.map { (try? $0.rendered()) ?? "" }.joined(separator: ", ")
                reader.error(
                    .calleeInputNotAllowed(input: spec.name, callee: callee.name, allowed: list, found: literal.passedDescription),
                    at: input.valueStart, notes: [callee.declaration(of: spec)])
            }
        }
        for spec in callee.inputs
        where checkRequired && spec.required && spec.defaultValue == nil && !call.inputs.contains(where: { $0.name == spec.name }) {
            reader.error(.calleeInputMissing(input: spec.name, callee: callee.name, direct: direct), at: call.location, notes: [callee.declaration(of: spec)])
        }
    }
}
