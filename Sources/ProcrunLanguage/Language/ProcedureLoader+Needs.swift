import ProcrunText

extension ProcedureLoader {
    /// The keys of a `needs:` entry written as a mapping.
    static let needKeys = ["procedure", "inputs"]

    /// Reads a `needs:` list (of a procedure or a step): each entry a procedure reference (a name
    /// or a library path, as `replay_procedure` takes it) or a mapping `{procedure, inputs}`,
    /// compiled as a call of that procedure (its callee loaded and its inputs checked now) into a
    /// step of its own, marked ``Step/isNeed``.
    func readNeeds(_ node: YAMLNode, reader: inout NodeReader) -> [Step] {
        guard !node.isNull, let items = reader.sequence(node, "'needs'") else { return [] }
        var needs: [Step] = []
        for item in items {
            var parameters: [Parameter]
            if item.scalar != nil {
                parameters = [Parameter(name: "procedure", keyStart: item.start, node: item)]
            } else {
                guard let pairs = reader.mapping(item, "an entry of 'needs'", keys: Self.needKeys) else { continue }
                parameters = pairs.map { Parameter(name: $0.key, keyStart: $0.keyStart, node: $0.value) }
            }
            guard let reference = parameters.first(where: { $0.name == "procedure" })?.node else {
                if !reader.lastMisspellings.contains("procedure") { reader.error(.missingKey(key: "procedure", in: "an entry of 'needs'"), at: item.start) }
                continue
            }
            let action = Located(reference.scalar?.text ?? "", at: reference.start)
            guard let call = compileProcedureCall(action, parameters, direct: false, parametersMisspelled: false, need: true, reader: &reader) else { continue }
            // Numbered as the step that needs it (``numberSteps(_:reader:)``), -1 for the procedure's.
            var need = Step(index: -1, location: item.start, action: action, call: call)
            need.isNeed = true
            needs.append(need)
        }
        return needs
    }
}
