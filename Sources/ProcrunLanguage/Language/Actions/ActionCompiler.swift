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
        parameters.first { $0.name == name }
    }

    /// A parameter's template (nil when absent or invalid).
    func field(_ name: String, reader: inout NodeReader) -> TemplateField? {
        guard let parameter = node(name) else { return nil }
        return field(parameter, reader: &reader)
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
        node(name).flatMap { reader.boolean($0.node, "parameter '\(name)'") }
    }

    /// A mapping parameter whose values are templates (`env`, `headers`).
    func mapping(_ name: String, reader: inout NodeReader) -> [(name: String, field: TemplateField)] {
        guard let parameter = node(name), let pairs = reader.mapping(parameter.node, "parameter '\(name)'") else { return [] }
        return pairs.compactMap { pair in
            ProcedureLoader.template(pair.value, "'\(pair.key)' in parameter '\(name)'", reader: &reader).map { (pair.key, $0) }
        }
    }

    /// A parameter that must be one of an enumeration's raw values, written literally.
    func literal<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, reader: inout NodeReader) -> T? where T.RawValue == String {
        guard let parameter = node(name), let text = reader.string(parameter.node, "parameter '\(name)'") else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        reader.error(.notOneOf(parameter: name, found: text, known: names), at: parameter.node.start)
        return nil
    }

    /// A duration parameter, checked now when it is written out (a template is read when the step runs).
    func duration(_ name: String, reader: inout NodeReader) -> TemplateField? {
        if let parameter = node(name), let text = parameter.node.scalar?.text, !text.contains("{{") {
            _ = reader.duration(parameter.node, "parameter '\(name)'")
        }
        return field(name, reader: &reader)
    }
}
