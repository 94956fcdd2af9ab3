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

    /// A diagnostic for a template error, positioned inside the template. `syntax`: the error is
    /// the template's parser's (else it is one found by checking the parsed template).
    package func diagnostic(_ error: TemplateError, in file: SourceFile, syntax: Bool = false) -> Diagnostic {
        .error(error.diagnosticID(syntax: syntax), error.message, in: file, at: node.location(ofTextOffset: error.range.lowerBound, in: file))
    }
}

extension TemplateError {
    /// The diagnostic identifier of this kind of template problem.
    func diagnosticID(syntax: Bool) -> Diagnostic.ID {
        if syntax { return .templateSyntax }
        switch kind {
        case .undefinedName: return .undefinedName
        case .unknownFilter: return .unknownFilter
        case .other: return .templateType
        }
    }
}
