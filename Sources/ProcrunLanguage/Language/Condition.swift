package import ProcrunText

/// A `when` condition or an `assert` clause: an expression and where it was written.
package struct Condition: Sendable {
    /// The parsed expression.
    package var expression: Expression
    /// The scalar it was read from.
    package var node: YAMLNode
    /// Where the expression starts inside the scalar's text (after `{{` in the braced form).
    package var textOffset: Int

    /// A diagnostic for an error in the expression, positioned inside it.
    package func diagnostic(_ error: TemplateError, in file: SourceFile) -> Diagnostic {
        diagnostic(error.problem, at: error.range.lowerBound, in: file)
    }

    /// A diagnostic for `problem` at `offset` (in Unicode scalars) in the expression's text.
    func diagnostic(_ problem: some DiagnosticMessage, at offset: Int, in file: SourceFile) -> Diagnostic {
        .error(problem, in: file, at: node.location(ofTextOffset: textOffset + offset, in: file))
    }
}
