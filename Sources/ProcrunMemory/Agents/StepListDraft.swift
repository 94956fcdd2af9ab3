import ProcrunLanguage
package import ProcrunText

/// A procedure to be written from a list of steps an agent gives (the MCP `record_procedure` tool);
/// `procrun record` has its own, richer ``ProcedureDraft``.
package struct StepListDraft: Sendable {
    /// The procedure's name (an identifier, unique in the library).
    package var name: String
    /// What it does and when to use it.
    package var description = ""
    /// Words for finding it.
    package var tags: [String] = []
    /// Declared inputs: name to a mapping of `type`, `default`, `required`, `description`.
    package var inputs: [String: Value] = [:]
    /// The steps in order.
    package var steps: [Step] = []

    /// A draft with a name and steps.
    package init(name: String, steps: [Step]) {
        self.name = name
        self.steps = steps
    }

    /// The draft as a procedure file: block style for the structure, JSON (valid YAML) for values.
    package var yaml: String {
        var out = "name: \(name)\n"
        if !description.isEmpty { out += "description: \(Value.string(description).jsonText)\n" }
        if !tags.isEmpty { out += "tags: \(Value.list(tags.map(Value.string)).jsonText)\n" }
        if !inputs.isEmpty {
            out += "inputs:\n"
            for key in inputs.keys.sorted() { out += "  \(key): \(inputs[key]?.jsonText ?? "{}")\n" }
        }
        out += "steps:\n"
        for step in steps {
            // Names that are not identifiers are quoted, so that they cannot change the file's shape;
            // the loader then reports them.
            let action = NodeReader.isIdentifier(step.action) ? step.action : Value.string(step.action).jsonText
            if let id = step.id {
                out += "  - id: \(NodeReader.isIdentifier(id) ? id : Value.string(id).jsonText)\n    action: \(action)\n"
            } else {
                out += "  - action: \(action)\n"
            }
            if case .mapping(let fields) = step.parameters, !fields.isEmpty {
                out += "    parameters: \(step.parameters.jsonText)\n"
            }
        }
        return out
    }
}
