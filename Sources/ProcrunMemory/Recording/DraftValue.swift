package import ProcrunRuntime
package import ProcrunText

/// A parameter value about to be written: text (possibly holding secret places) or structure.
package indirect enum DraftValue: Sendable {
    /// Text, with secrets already replaced.
    case text([RedactedPart])
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// No value.
    case null
    /// A list.
    case list([DraftValue])
    /// A mapping, in order.
    case mapping([(key: String, value: DraftValue)])

    /// A recorded JSON value with every string redacted.
    package init(redacting value: JSONValue, with redactor: inout SecretRedactor) {
        switch value {
        case .string(let text): self = .text(redactor.redact(text))
        case .number(_, let text): self = .number(text)
        case .boolean(let flag): self = .boolean(flag)
        case .null: self = .null
        case .array(let items): self = .list(items.map { DraftValue(redacting: $0, with: &redactor) })
        case .object(let members): self = .mapping(members.map { ($0.key, DraftValue(redacting: $0.value, with: &redactor)) })
        }
    }

    /// Whether it is written on one line.
    var isScalar: Bool {
        switch self {
        case .text, .number, .boolean, .null: true
        case .list(let items): items.isEmpty
        case .mapping(let pairs): pairs.isEmpty
        }
    }
}
