import ProcrunText

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

    /// A parameter's value with every string compiled as a template. `typed`: a plain `true`,
    /// `false`, number or `null` is that value; otherwise every scalar is a template (as a matrix
    /// reads its values, so that `3.10` stays the text `3.10`).
    static func parameterTree(_ node: YAMLNode, _ what: String, typed: Bool = true, reader: inout NodeReader) -> ParameterTree? {
        if let items = node.items {
            let trees = items.compactMap { parameterTree($0, "an item of \(what)", typed: typed, reader: &reader) }
            return trees.count == items.count ? .list(trees) : nil
        }
        if let pairs = node.pairs {
            let trees = pairs.compactMap { pair in parameterTree(pair.value, "'\(pair.key)' in \(what)", typed: typed, reader: &reader).map { (pair.key, $0) } }
            return trees.count == pairs.count ? .mapping(trees) : nil
        }
        guard let scalar = node.scalar else { return nil }
        if typed, let value = scalar.literalValue { return .literal(value) }
        return template(node, what, reader: &reader).map(ParameterTree.template)
    }
}
