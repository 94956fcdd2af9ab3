import ProcrunSystem
import ProcrunText

/// One step's parameters as a built-in action compiles them (their names already checked against
/// its declaration), with what compiling them may need of the library.
package struct ActionCompiler {
    /// The action's name, where the step writes it: where a problem with the parameters as a
    /// whole (none of those an action needs one of) is reported.
    let action: Located<String>
    /// The library's MCP servers, which an `mcp` step names. (Only these of the loader: a copy of
    /// the whole loader for every step was a tenth of compiling a `shell` step.)
    let mcpServers: [String: ExternalCommand]
    /// The parameters as the step gives them, after `--adapt` overrides.
    let parameters: [ProcedureLoader.Parameter]

    /// The parameter named `name`, if the step gives it.
    func node(_ name: String) -> ProcedureLoader.Parameter? {
        position(of: name).map { parameters[$0] }
    }

    /// Where the parameter named `name` is in ``parameters``, if the step gives it: the methods
    /// below read it there, in place (``node(_:)`` returns a copy, node and all).
    private func position(of name: String) -> Int? {
        parameters.firstIndex { $0.name == name }
    }

    /// A parameter's template (nil when absent or invalid).
    func field(_ name: String, reader: inout NodeReader) -> TemplateField? {
        guard let index = position(of: name) else { return nil }
        return field(parameters[index], reader: &reader)
    }

    /// A given parameter's template (nil when invalid); an `--adapt` value is literal text.
    func field(_ parameter: ProcedureLoader.Parameter, reader: inout NodeReader) -> TemplateField? {
        if parameter.isLiteral, let text = parameter.node.scalar?.text {
            return .literal(text, at: parameter.node.start)
        }
        return ProcedureLoader.template(parameter.node, "parameter '\(parameter.name)'", reader: &reader)
    }

    /// A boolean parameter (nil when absent or invalid).
    func boolean(_ name: String, reader: inout NodeReader) -> Bool? {
        position(of: name).flatMap { reader.boolean(parameters[$0].node, "parameter '\(name)'") }
    }

    /// A mapping parameter whose values are templates (`env`, `headers`).
    func mapping(_ name: String, reader: inout NodeReader) -> [(name: String, field: TemplateField)] {
        guard let index = position(of: name), let pairs = reader.mapping(parameters[index].node, "parameter '\(name)'") else { return [] }
        return pairs.compactMap { pair in
            ProcedureLoader.template(pair.value, "'\(pair.key)' in parameter '\(name)'", reader: &reader).map { (pair.key, $0) }
        }
    }

    /// A parameter that must be one of an enumeration's raw values, written literally.
    func literal<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, reader: inout NodeReader) -> T? where T.RawValue == String {
        guard let index = position(of: name), let text = reader.string(parameters[index].node, "parameter '\(name)'") else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        reader.error(.notOneOf(parameter: name, found: text, known: names), at: parameters[index].node.start)
        return nil
    }

    /// A duration parameter, checked now when it is written out (a template is read when the step runs).
    func duration(_ name: String, reader: inout NodeReader) -> TemplateField? {
        if let index = position(of: name), let text = parameters[index].node.scalar?.text, !text.contains("{{") {
            _ = reader.duration(parameters[index].node, "parameter '\(name)'")
        }
        return field(name, reader: &reader)
    }
}
