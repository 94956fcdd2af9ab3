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
        if let builtin = BuiltinAction(rawValue: action.value) {
            if builtin == .replayProcedure {
                guard checkNames(parameters, allowed: builtin.parameters, required: parametersMisspelled ? [] : builtin.requiredParameters, action: action, reader: &reader, open: false) else {
                    return nil
                }
                return compileProcedureCall(action, parameters, direct: false, parametersMisspelled: parametersMisspelled, reader: &reader)
            }
            guard checkNames(parameters, allowed: builtin.parameters, required: parametersMisspelled ? [] : builtin.requiredParameters, action: action, reader: &reader, open: builtin == .set) else {
                return nil
            }
            var compiler = CallCompiler(mcpServers: library.mcpServers, parameters: parameters)
            return compiler.compile(builtin, reader: &reader)
        }
        if let defined = library.actions[action.value] {
            let declared = defined.parameters.map(\.name)
            let required = defined.parameters.filter(\.required).map(\.name)
            guard checkNames(parameters, allowed: declared, required: parametersMisspelled ? [] : required, action: action, reader: &reader, open: false) else { return nil }
            var compiler = CallCompiler(mcpServers: library.mcpServers, parameters: parameters)
            let arguments = parameters.compactMap { parameter in
                compiler.field(parameter.name, reader: &reader).map { (parameter.name, $0) }
            }
            guard arguments.count == parameters.count else { return nil }
            return .library(defined, arguments: arguments)
        }
        if let graph, graph.index.entriesByName[action.value] != nil {
            return compileProcedureCall(action, parameters, direct: true, parametersMisspelled: parametersMisspelled, reader: &reader)
        }
        if library.executor != nil || library.callerExecutes {
            // Any name is the executor's, but one a letter off a known action is likely a typo.
            if let near = nearMiss(for: action.value) {
                reader.warning(.actionLeftToExecutor, "action '\(action.value)' is not built in or defined here, so the executor runs it; did you mean '\(near)'?", at: action.location)
            }
            return compileExternal(action, parameters, reader: &reader)
        }
        let known = BuiltinAction.allCases.map(\.rawValue) + library.actions.keys.sorted() + (graph?.index.names ?? [])
        reader.error(.unknownAction, "unknown action \(QuotedName.shown(action.value))\(Suggestion.hint(for: action.value, in: known))", at: action.location)
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
        if let builtin = BuiltinAction.allCases.lazy.map(\.rawValue).first(where: isNear) { return builtin }
        return library.actions.keys.filter(isNear).min() ?? graph?.index.entriesByName.keys.filter(isNear).min()
    }

    /// Checks parameter names against what an action accepts; adaptations name parameters too.
    func checkNames(
        _ parameters: [Parameter], allowed: [String], required: [String], action: Located<String>, reader: inout NodeReader, open: Bool
    ) -> Bool {
        let before = reader.diagnostics.count
        var misspelled: Set<String> = []
        for parameter in parameters where !open && !allowed.contains(parameter.name) {
            if let near = Suggestion.closest(to: parameter.name, in: allowed) { misspelled.insert(near) }
            let message = "unknown parameter \(QuotedName.shown(parameter.name)) for action '\(action.value)'"
            if parameter.isLiteral {
                reader.append([Diagnostic(.error, "--adapt \(action.value).\(parameter.name): " + message + Suggestion.hint(for: parameter.name, in: allowed), id: .invalidAdaptation)])
            } else {
                reader.error(.unknownParameter, message + Suggestion.hint(for: parameter.name, in: allowed), at: parameter.keyStart)
            }
        }
        for name in required where !parameters.contains(where: { $0.name == name }) && !misspelled.contains(name) {
            reader.error(.missingParameter, "action '\(action.value)' needs parameter '\(name)'", at: action.location)
        }
        return reader.diagnostics.count == before
    }
}

/// Compiles one step's parameters for a built-in action.
struct CallCompiler {
    /// The library's MCP servers, which an `mcp` step names. (Only these of the loader: a copy of
    /// the whole loader for every step was a tenth of compiling a `shell` step.)
    let mcpServers: [String: ExternalCommand]
    let parameters: [ProcedureLoader.Parameter]

    func node(_ name: String) -> ProcedureLoader.Parameter? {
        parameters.first { $0.name == name }
    }

    /// A parameter's template (nil when absent or invalid).
    mutating func field(_ name: String, reader: inout NodeReader) -> TemplateField? {
        guard let parameter = node(name) else { return nil }
        if parameter.isLiteral, let text = parameter.node.scalar?.text {
            return .literal(text, at: parameter.node.start)
        }
        return ProcedureLoader.template(parameter.node, "parameter '\(name)'", reader: &reader)
    }

    mutating func compile(_ action: BuiltinAction, reader: inout NodeReader) -> ActionCall? {
        let before = reader.diagnostics.count
        let call: ActionCall?
        switch action {
        case .shell:
            call = command(reader: &reader).map(ActionCall.shell)
        case .log:
            let level = literal("level", LogLevel.self, reader: &reader) ?? .info
            call = field("message", reader: &reader).map { .log(message: $0, level: level) }
        case .assert:
            guard let that = node("that") else { return nil }
            let nodes = that.node.items ?? [that.node]
            let conditions = nodes.compactMap { ProcedureLoader.condition($0, "parameter 'that'", reader: &reader) }
            call = .assert(conditions: conditions, message: field("message", reader: &reader))
        case .fail:
            call = .fail(message: field("message", reader: &reader))
        case .sleep:
            if let parameter = node("duration"), let text = parameter.node.scalar?.text, !text.contains("{{") {
                _ = reader.duration(parameter.node, "parameter 'duration'")
            }
            call = field("duration", reader: &reader).map { .sleep(duration: $0) }
        case .set:
            call = .set(parameters.compactMap { setValue($0, reader: &reader) })
        case .writeFile:
            guard let path = field("path", reader: &reader), let content = field("content", reader: &reader) else { return nil }
            var write = WriteFileCall(path: path, content: content)
            write.append = node("append").flatMap { reader.boolean($0.node, "parameter 'append'") } ?? false
            write.createDirectories = node("create_dirs").flatMap { reader.boolean($0.node, "parameter 'create_dirs'") } ?? false
            write.outsideLibrary = node("outside_library").flatMap { reader.boolean($0.node, "parameter 'outside_library'") } ?? false
            write.libraryFiles = node("library_files").flatMap { reader.boolean($0.node, "parameter 'library_files'") } ?? false
            if let mode = node("mode") {
                if let text = reader.string(mode.node, "parameter 'mode'"), let value = UInt32(text, radix: 8), value <= 0o7777 {
                    write.mode = value
                } else {
                    reader.error(.invalidValue, "expected octal permissions such as \"0644\" for parameter 'mode'", at: mode.node.start)
                }
            }
            call = .writeFile(write)
        case .replayProcedure:
            return nil
        case .mcp:
            call = mcp(reader: &reader).map(ActionCall.mcp)
        case .http:
            guard let url = field("url", reader: &reader) else { return nil }
            var http = HTTPCall(url: url, method: field("method", reader: &reader), body: field("body", reader: &reader))
            http.headers = mapping("headers", reader: &reader)
            call = .http(http)
        }
        return reader.diagnostics.count == before ? call : nil
    }

    /// The `shell` parameters (also the shape of a library action's definition).
    mutating func command(reader: inout NodeReader) -> CommandCall? {
        guard let commandNode = node("command") else { return nil }
        let command: CommandCall.Command
        if let items = commandNode.node.items {
            if items.isEmpty { reader.error(.emptyValue, "parameter 'command' is an empty list", at: commandNode.node.start) }
            command = .arguments(items.compactMap { ProcedureLoader.template($0, "an item of parameter 'command'", reader: &reader) })
        } else if commandNode.isLiteral, let text = commandNode.node.scalar?.text {
            command = .line(.literal(text, at: commandNode.node.start))
        } else {
            guard let line = ProcedureLoader.template(commandNode.node, "parameter 'command'", reader: &reader) else { return nil }
            command = .line(line)
        }
        var call = CommandCall(command: command)
        // Most commands have no other parameter: one pass rather than a search for each name.
        for parameter in parameters {
            switch parameter.name {
            case "env": call.environment = mapping("env", reader: &reader)
            case "cwd": call.workingDirectory = field("cwd", reader: &reader)
            case "shell": call.shell = field("shell", reader: &reader)
            case "stdin": call.standardInput = field("stdin", reader: &reader)
            default: break
            }
        }
        return call
    }

    /// A mapping parameter whose values are templates (`env`, `headers`).
    mutating func mapping(_ name: String, reader: inout NodeReader) -> [(name: String, field: TemplateField)] {
        guard let parameter = node(name), let pairs = reader.mapping(parameter.node, "parameter '\(name)'") else { return [] }
        return pairs.compactMap { pair in
            ProcedureLoader.template(pair.value, "'\(pair.key)' in parameter '\(name)'", reader: &reader).map { (pair.key, $0) }
        }
    }

    /// A parameter that must be one of an enumeration's raw values, written literally.
    mutating func literal<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, reader: inout NodeReader) -> T?
    where T.RawValue == String {
        guard let parameter = node(name), let text = reader.string(parameter.node, "parameter '\(name)'") else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        reader.error(
            .invalidValue, "expected one of \(names.joined(separator: ", ")) for parameter '\(name)', found '\(text)'\(Suggestion.hint(for: text, in: names))",
            at: parameter.node.start)
        return nil
    }

    /// A `set` variable: typed when written as a plain boolean or number or tagged with a type
    /// (``YAMLScalar/literalValue``), else a template.
    mutating func setValue(_ parameter: ProcedureLoader.Parameter, reader: inout NodeReader) -> (name: String, value: SetValue)? {
        guard NodeReader.isIdentifier(parameter.name) else {
            reader.error(.invalidName, "variable names must be letters, digits, '_' and '-' starting with a letter, found '\(parameter.name)'", at: parameter.keyStart)
            return nil
        }
        guard let scalar = parameter.node.scalar, !scalar.isNull else {
            reader.error(.expectedString, "expected a string, number or boolean for variable '\(parameter.name)', found \(parameter.node.kindDescription)", at: parameter.node.start)
            return nil
        }
        if !parameter.isLiteral, let value = scalar.literalValue { return (parameter.name, .typed(value)) }
        return field(parameter.name, reader: &reader).map { (parameter.name, .template($0)) }
    }
}
