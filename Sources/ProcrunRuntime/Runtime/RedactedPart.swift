/// A piece of recorded text after secrets were taken out: literal text, or a secret input's place.
package enum RedactedPart: Sendable, Hashable {
    /// Text kept as recorded.
    case text(String)
    /// A secret value, replaced by the input named here.
    case secret(input: String)
    /// A value that differed between recordings, replaced by the input named here.
    case input(String)

    /// The parts as plain text, each secret shown as `***` (for notes and messages).
    package static func text(of parts: [RedactedPart]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .secret: "***"
            case .input(let name): "{{ inputs.\(name) }}"
            }
        }.joined()
    }

    /// The parts as template text: literal `{{` escaped, secrets as `{{ inputs.NAME }}`.
    package static func template(of parts: [RedactedPart]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): escapeTemplate(text)
            case .secret(let input), .input(let input): "{{ inputs.\(input) }}"
            }
        }.joined()
    }

    /// `text` with every `{{` written as `{{ '{{' }}`, so that it is never read as a template.
    package static func escapeTemplate(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var previousBrace = false
        for character in text {
            if character == "{" && previousBrace {
                out.removeLast()
                out += "{{ '{{' }}"
                previousBrace = false
                continue
            }
            out.append(character)
            previousBrace = character == "{"
        }
        return out
    }
}
