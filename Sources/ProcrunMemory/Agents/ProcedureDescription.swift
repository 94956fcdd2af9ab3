package import ProcrunLanguage
package import ProcrunText

/// A procedure described for agents: the object `procrun show --json` prints and the MCP
/// `show_procedure` tool returns (documented in grammar.md, Interfaces for agents).
package enum ProcedureDescription {
    /// The procedure as a JSON-ready value; secret defaults are hidden.
    package static func value(of procedure: Procedure) -> Value {
        let inputs: [Value] = procedure.inputs.map { input in
            var fields: [String: Value] = [
                "name": .string(input.name), "type": .string(input.kind.rawValue), "required": .boolean(input.required),
                "description": .string(input.description), "secret": .boolean(input.secret),
            ]
            if let value = input.defaultValue { fields["default"] = input.secret ? .string("***") : value }
            if let allowed = input.allowed { fields["allowed"] = .list(allowed) }
            if let pattern = input.pattern { fields["pattern"] = .string(pattern.pattern) }
            return .mapping(fields)
        }
        let steps: [Value] = procedure.allSteps.map { step in
            var fields: [String: Value] = ["step": .integer(step.index + 1), "action": .string(step.action.value)]
            fields["id"] = step.id.map { .string($0.value) } ?? .null
            if !step.notes.isEmpty { fields["notes"] = .string(step.notes) }
            if step.isFinally { fields["finally"] = .boolean(true) }
            if let group = step.group { fields["group"] = .integer(group + 1) }
            if case .procedure(let call) = step.call { fields["calls"] = .string(call.callee?.name ?? call.referenceText) }
            return .mapping(fields)
        }
        return .mapping([
            "name": .string(procedure.name.value), "file": .string(procedure.file.path), "description": .string(procedure.description),
            "tags": .list(procedure.tags.map(Value.string)), "version": .integer(procedure.version), "inputs": .list(inputs),
            "outputs": .list(procedure.outputs.map { .string($0.name) }), "steps": .list(steps),
        ])
    }
}
