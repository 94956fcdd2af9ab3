import ProcrunText

extension ProcedureLoader {
    /// A parameter as the step gives it, after `--adapt` overrides.
    struct Parameter {
        var name: String
        var keyStart: SourceLocation
        var node: YAMLNode
        /// An `--adapt` value: literal text, never a template.
        var isLiteral = false
    }

    /// Compiles a step's action and parameters into an ``ActionCall``.
    func compileCall(_ action: Located<String>, _ pairs: [YAMLPair], parametersMisspelled: Bool = false, reader: inout NodeReader) -> ActionCall? {
        var parameters = pairs.map { Parameter(name: $0.key, keyStart: $0.keyStart, node: $0.value) }
        for adaptation in adaptations where adaptation.action == action.value {
            let location = parameters.first { $0.name == adaptation.parameter }?.node.start ?? action.location
            let node = YAMLNode(.scalar(YAMLScalar(text: adaptation.value, style: .doubleQuoted)), start: location, end: location)
            parameters.removeAll { $0.name == adaptation.parameter }
            parameters.append(Parameter(name: adaptation.parameter, keyStart: location, node: node, isLiteral: true))
        }
        if let builtin = BuiltinActions.named(action.value) {
            let declaration = builtin.declaration
            guard
                checkNames(
                    parameters, allowed: declaration.names, required: parametersMisspelled ? [] : declaration.required, action: action, reader: &reader,
                    open: declaration.anyName != nil)
            else { return nil }
            // replay_procedure is a procedure call, compiled as a step naming the procedure is.
            guard let type = builtin.type else {
                return compileProcedureCall(action, parameters, direct: false, parametersMisspelled: parametersMisspelled, reader: &reader)
            }
            let before = reader.diagnostics.count
            let call = type.compiled(ActionCompiler(action: action, mcpServers: library.mcpServers, parameters: parameters), reader: &reader)
            guard let call, reader.diagnostics.count == before else { return nil }
            return .builtin(call)
        }
        if let defined = library.actions[action.value] {
            let declared = defined.parameters.map(\.name)
            let required = defined.parameters.filter(\.required).map(\.name)
            guard checkNames(parameters, allowed: declared, required: parametersMisspelled ? [] : required, action: action, reader: &reader, open: false) else { return nil }
            let compiler = ActionCompiler(action: action, mcpServers: library.mcpServers, parameters: parameters)
            let arguments = parameters.compactMap { parameter in
                compiler.field(parameter, reader: &reader).map { (parameter.name, $0) }
            }
            guard arguments.count == parameters.count else { return nil }
            return .library(defined, arguments: arguments)
        }
        if let graph, graph.scope.entriesByName[action.value] != nil {
            return compileProcedureCall(action, parameters, direct: true, parametersMisspelled: parametersMisspelled, reader: &reader)
        }
        if library.executor != nil || library.callerExecutes {
            // Any name is the executor's, but one a letter off a known action is likely a typo.
            if let near = nearMiss(for: action.value) {
                reader.warning(.actionLeftToExecutor(name: action.value, near: near), at: action.location)
            }
            return compileExternal(action, parameters, reader: &reader)
        }
        let known = BuiltinActions.names + library.actions.keys.sorted() + (graph?.scope.names ?? [])
        reader.error(.unknownAction(name: action.value, known: known), at: action.location)
        return nil
    }

    /// The known action (built in, in the library, or a procedure) one edit away from `name`, two for
    /// names longer than five letters, if any: likely what an action sent to the executor meant.
    /// Runs for every step the executor takes, so names of another length are passed over before
    /// any edit distance is worked out, and nothing is sorted but the few near names.
    func nearMiss(for name: String) -> String? {
        let lowered = name.lowercased()
        let length = lowered.count
        guard length >= 3 else { return nil }
        let slack = length <= 5 ? 1 : 2
        func isNear(_ candidate: String) -> Bool {
            candidate != name && abs(candidate.count - length) <= slack && Suggestion.editDistance(lowered, candidate.lowercased()) <= slack
        }
        if let builtin = BuiltinActions.names.first(where: isNear) { return builtin }
        return library.actions.keys.filter(isNear).min() ?? graph?.scope.entriesByName.keys.filter(isNear).min()
    }

    /// Checks parameter names against what an action accepts; adaptations name parameters too.
    func checkNames(
        _ parameters: [Parameter], allowed: [String], required: [String], action: Located<String>, reader: inout NodeReader, open: Bool
    ) -> Bool {
        let before = reader.diagnostics.count
        var misspelled: Set<String> = []
        for parameter in parameters where !open && !allowed.contains(parameter.name) {
            if let near = Suggestion.closest(to: parameter.name, in: allowed) { misspelled.insert(near) }
            if parameter.isLiteral {
                reader.append([Diagnostic(LanguageProblem.unknownAdaptedParameter(name: parameter.name, action: action.value, known: allowed))])
            } else {
                reader.error(.unknownParameter(name: parameter.name, action: action.value, known: allowed), at: parameter.keyStart)
            }
        }
        for name in required where !parameters.contains(where: { $0.name == name }) && !misspelled.contains(name) {
            reader.error(.missingParameter(name: name, action: action.value), at: action.location)
        }
        return reader.diagnostics.count == before
    }
}
