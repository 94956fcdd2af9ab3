import ProcrunText

extension Variable {
    /// The keys of a `{sh: COMMAND}` variable.
    static let commandKeys = ["sh"]

    /// Reads the `vars` key of `pairs` (a procedure's or `procrun.yaml`'s top level), in file
    /// order: each a string, number or boolean (a string is a template), or `{sh: COMMAND}`.
    static func read(_ pairs: [YAMLPair], library: Bool, reader: inout NodeReader) -> [Variable] {
        guard let node = pairs.first(where: { $0.key == "vars" })?.value, !node.isNull else { return [] }
        var variables: [Variable] = []
        for pair in reader.mapping(node, "'vars'") ?? [] {
            guard NodeReader.isIdentifier(pair.key) else {
                reader.error(.setVariableName(found: pair.key), at: pair.keyStart)
                continue
            }
            guard let (definition, text) = definition(of: pair, reader: &reader) else { continue }
            variables.append(Variable(name: Located(pair.key, at: pair.keyStart), definition: definition, text: text, isLibrary: library))
        }
        return variables
    }

    /// A variable's value as written: a scalar (typed when it is a plain boolean or number, as a
    /// `set` value is, else a template) or `{sh: COMMAND}`, with its text.
    private static func definition(of pair: YAMLPair, reader: inout NodeReader) -> (Definition, String)? {
        let node = pair.value
        if let scalar = node.scalar, !scalar.isNull {
            if let value = scalar.literalValue { return (.constant(.typed(value)), scalar.text) }
            guard let field = ProcedureLoader.template(node, "variable '\(pair.key)'", reader: &reader) else { return nil }
            return (.constant(.template(field)), scalar.text)
        }
        guard node.pairs != nil else {
            reader.error(.varValue(name: pair.key, found: node.kindDescription), at: node.start)
            return nil
        }
        guard let fields = reader.mapping(node, "variable '\(pair.key)'", keys: commandKeys) else { return nil }
        guard let line = fields.first(where: { $0.key == "sh" }) else {
            if reader.lastMisspellings.isEmpty { reader.error(.missingKey(key: "sh", in: "variable '\(pair.key)'"), at: node.start) }
            return nil
        }
        guard let field = ProcedureLoader.template(line.value, "'vars.\(pair.key).sh'", reader: &reader) else { return nil }
        return (.command(CommandCall(command: .line(field))), field.text)
    }
}
