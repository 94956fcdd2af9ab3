import ProcrunText

/// An input an agent declares as it records a procedure (MCP `record_procedure`'s `inputs`): the
/// declaration the file gets, and the value its recorded commands used for it, whose places
/// become `{{ inputs.NAME }}` (``InputOffer/declare(_:in:)``).
package struct DeclaredInput: Sendable, Hashable {
    /// The declaration as it is written: `type` (`string` when not given), `default`, `required`,
    /// `description`.
    package var input: LearnedInput
    /// The value the recorded commands used: the default when it is text of a `string` input or a
    /// number; nil when there is none (no default, a boolean, a list).
    package var value: String?

    /// The keys a declaration may have.
    static let keys = ["type", "default", "required", "description"]

    /// The declaration of input `name` given as `spec` (`{type, default, required, description}`),
    /// or what is wrong with it. Its values are checked by the loader with the rest of the file.
    init(name: String, spec: Value) throws(RecordingProblem) {
        guard case .mapping(let fields) = spec else { throw .inputNotObject(name: name, found: spec.valueType.nameWithArticle) }
        if let key = fields.keys.sorted().first(where: { !Self.keys.contains($0) }) { throw .inputKey(name: name, key: key, known: Self.keys) }
        var type = "string"
        switch fields["type"] {
        case nil, .null?: break
        case .string(let text)?: type = text
        case let other?: throw .inputText(name: name, key: "type", found: other.valueType.nameWithArticle)
        }
        input = LearnedInput(name: name, type: type, defaultValue: nil, description: "")
        switch fields["description"] {
        case nil, .null?: break
        case .string(let text)?: input.description = text
        case let other?: throw .inputText(name: name, key: "description", found: other.valueType.nameWithArticle)
        }
        switch fields["required"] {
        case nil, .null?: break
        case .boolean(let flag)?: input.required = flag
        case let other?: throw .inputFlag(name: name, key: "required", found: other.valueType.nameWithArticle)
        }
        switch fields["default"] {
        case nil, .null?: break
        case .string(let text)?:
            input.defaultValue = type == "string" ? text : Self.yaml(.string(text))
            if type == "string" { value = text }
        case let number? where number.valueType == .integer || number.valueType == .number:
            input.defaultValue = number.jsonText
            if ["string", "integer", "number"].contains(type) { value = number.jsonText }
        case let other?:
            input.defaultValue = Self.yaml(other)
        }
    }

    /// A value as YAML on one line: strings quoted where YAML could misread them.
    static func yaml(_ value: Value) -> String {
        switch value {
        case .string(let text): YAMLQuoting.scalar(text)
        case .list(let items): "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .mapping(let fields): "{" + fields.keys.sorted().map { YAMLQuoting.key($0) + ": " + yaml(fields[$0] ?? .null) }.joined(separator: ", ") + "}"
        default: value.jsonText
        }
    }
}
