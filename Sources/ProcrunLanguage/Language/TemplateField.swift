package import ProcrunText

/// A template written in a file, kept with the scalar it came from so that an error inside it can
/// point at its own line and column.
package struct TemplateField: Sendable {
    /// The parsed template.
    package var template: Template
    /// The scalar node it was read from.
    package var node: YAMLNode

    /// Pairs a parsed template with its node.
    package init(template: Template, node: YAMLNode) {
        self.template = template
        self.node = node
    }

    /// The text as written (decoded).
    package var text: String { node.scalar?.text ?? "" }

    /// A field holding `text` literally, never parsed as a template (for `--adapt` values).
    package static func literal(_ text: String, at location: SourceLocation) -> TemplateField {
        TemplateField(
            template: Template(literal: text),
            node: YAMLNode(.scalar(YAMLScalar(text: text, style: .doubleQuoted)), start: location, end: location))
    }

    /// A diagnostic for a template error, positioned inside the template.
    package func diagnostic(_ error: TemplateError, in file: SourceFile) -> Diagnostic {
        diagnostic(error.problem, at: error.range.lowerBound, in: file)
    }

    /// A diagnostic for `problem` at `offset` (in Unicode scalars) in the template's text.
    func diagnostic(_ problem: some DiagnosticMessage, at offset: Int, in file: SourceFile) -> Diagnostic {
        .error(problem, in: file, at: node.location(ofTextOffset: offset, in: file))
    }
}
