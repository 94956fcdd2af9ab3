package import ProcrunText

extension Step {
    /// The step's `parameters` as the loader read them (`procrun show --json`), given the step's
    /// `parameters` node: text (templates too) as written, and a plain `true`, `false`, number or
    /// null typed where the action reads it so (``ActionParameter/Kind/keepsType``: an executor's,
    /// an MCP tool's and a called procedure's values, booleans, ports), at any depth; so
    /// `mode: 0644` stays the text `0644`. A parallel group takes none.
    package func parameterValues(_ node: YAMLNode?) -> Value {
        guard case .mapping(let pairs)? = node?.content else { return .mapping([:]) }
        var values: [String: Value] = [:]
        for pair in pairs { values[pair.key] = Self.value(pair.value, keepingType: keepsType(pair.key)) }
        return .mapping(values)
    }

    /// Whether the step's action reads a plain scalar of `parameter` as a typed value.
    private func keepsType(_ parameter: String) -> Bool {
        let declaration: ActionDeclaration
        switch call {
        case .builtin(let builtin): declaration = type(of: builtin).declaration
        case .procedure where action.value == ReplayProcedureAction.declaration.name: declaration = ReplayProcedureAction.declaration
        case .procedure, .external: return true
        case .library, .parallel: return false
        }
        return (declaration.parameters.first { $0.name == parameter } ?? declaration.anyName)?.kind.keepsType ?? false
    }

    /// `node` as a value: a scalar typed when `keepingType` allows (``YAMLScalar/literalValue``),
    /// else its text (null stays null); lists and mappings item by item.
    private static func value(_ node: YAMLNode, keepingType: Bool) -> Value {
        switch node.content {
        case .scalar(let scalar):
            if keepingType, let typed = scalar.literalValue { return typed }
            return scalar.isNull ? .null : .string(scalar.text)
        case .sequence(let items):
            return .list(items.map { value($0, keepingType: keepingType) })
        case .mapping(let pairs):
            var values: [String: Value] = [:]
            for pair in pairs { values[pair.key] = value(pair.value, keepingType: keepingType) }
            return .mapping(values)
        }
    }
}
