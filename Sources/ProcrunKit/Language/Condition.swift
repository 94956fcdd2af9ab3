/// A `when` condition or an `assert` clause: an expression and where it was written.
package struct Condition: Sendable {
    /// The parsed expression.
    package var expression: Expression
    /// The scalar it was read from.
    package var node: YAMLNode
    /// Where the expression starts inside the scalar's text (after `{{` in the braced form).
    package var textOffset: Int

    /// A diagnostic for an error in the expression, positioned inside it (`syntax` as for
    /// ``TemplateField/diagnostic(_:in:syntax:)``).
    package func diagnostic(_ error: TemplateError, in file: SourceFile, syntax: Bool = false) -> Diagnostic {
        .error(
            error.diagnosticID(syntax: syntax), error.message, in: file,
            at: node.location(ofTextOffset: textOffset + error.range.lowerBound, in: file))
    }
}
