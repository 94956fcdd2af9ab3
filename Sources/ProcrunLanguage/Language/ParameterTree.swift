package import ProcrunText

/// A parameter of an executor or `mcp` step: the YAML value as written, with every string a
/// template, so that nested mappings and lists reach the executor or tool with their shape.
package indirect enum ParameterTree: Sendable {
    /// A plain `true`, `false`, number or `null`, or a value tagged with its type (`!!int 3`):
    /// ``YAMLScalar/literalValue``.
    case literal(Value)
    /// A string, rendered when the step runs.
    case template(TemplateField)
    /// A list of values.
    case list([ParameterTree])
    /// A mapping, in the order written.
    case mapping([(key: String, value: ParameterTree)])

    /// The tree as written: each template's text, each literal's value.
    package var written: Value {
        switch self {
        case .literal(let value): value
        case .template(let field): .string(field.text)
        case .list(let items): .list(items.map(\.written))
        case .mapping(let pairs): .mapping(Dictionary(pairs.map { ($0.key, $0.value.written) }, uniquingKeysWith: { $1 }))
        }
    }

    /// Every template inside, for checking.
    package var templates: [TemplateField] {
        switch self {
        case .literal: []
        case .template(let field): [field]
        case .list(let items): items.flatMap(\.templates)
        case .mapping(let pairs): pairs.flatMap(\.value.templates)
        }
    }
}
