extension ProcedureLoader {
    /// An action nothing else defines, handed to the library's executor with its parameters.
    func compileExternal(_ action: Located<String>, _ parameters: [Parameter], reader: inout NodeReader) -> ActionCall? {
        let before = reader.diagnostics.count
        var trees: [(name: String, value: ParameterTree)] = []
        for parameter in parameters {
            if parameter.isLiteral, let text = parameter.node.scalar?.text {
                trees.append((parameter.name, .template(.literal(text, at: parameter.node.start))))
            } else if let tree = Self.parameterTree(parameter.node, "parameter '\(parameter.name)'", reader: &reader) {
                trees.append((parameter.name, tree))
            }
        }
        return reader.diagnostics.count == before ? .external(name: action.value, parameters: trees) : nil
    }

    /// A parameter's value with every string compiled as a template.
    static func parameterTree(_ node: YAMLNode, _ what: String, reader: inout NodeReader) -> ParameterTree? {
        if let items = node.items {
            let trees = items.compactMap { parameterTree($0, "an item of \(what)", reader: &reader) }
            return trees.count == items.count ? .list(trees) : nil
        }
        if let pairs = node.pairs {
            let trees = pairs.compactMap { pair in parameterTree(pair.value, "'\(pair.key)' in \(what)", reader: &reader).map { (pair.key, $0) } }
            return trees.count == pairs.count ? .mapping(trees) : nil
        }
        guard let scalar = node.scalar else { return nil }
        if let value = scalar.literalValue { return .literal(value) }
        return template(node, what, reader: &reader).map(ParameterTree.template)
    }
}

extension CallCompiler {
    /// The parameters of an `mcp` step; `server` may be left out when the library has one server.
    mutating func mcp(reader: inout NodeReader) -> MCPCall? {
        let servers = mcpServers.keys.sorted()
        let server: String
        if let given = node("server") {
            guard let name = reader.string(given.node, "parameter 'server'") else { return nil }
            guard mcpServers[name] != nil else {
                reader.error(.unknownMCPServer(name: name, known: servers), at: given.node.start)
                return nil
            }
            server = name
        } else if servers.count == 1, let only = servers.first {
            server = only
        } else {
            // Without any parameter, the missing 'tool' is already reported.
            guard let location = node("tool")?.keyStart ?? parameters.first?.keyStart else { return nil }
            reader.error(.mcpServerNeeded(servers: servers), at: location)
            return nil
        }
        guard let tool = field("tool", reader: &reader) else { return nil }
        var call = MCPCall(server: server, tool: tool)
        if let arguments = node("arguments") {
            guard arguments.node.pairs != nil || arguments.node.scalar?.isNull == true else {
                reader.error(.expectedMapping(what: "parameter 'arguments'", found: arguments.node.kindDescription), at: arguments.node.start)
                return nil
            }
            call.arguments = ProcedureLoader.parameterTree(arguments.node, "parameter 'arguments'", reader: &reader)
            if call.arguments == nil { return nil }
        }
        return call
    }
}
