/// A problem in a template or expression: where (offsets in Unicode scalars from the start of the
/// source text, half-open) and what (a ``TemplateProblem``, which writes the message).
package struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, in Unicode scalars from the start of the source text.
    package var range: Range<Int>
    /// What is wrong.
    package var problem: TemplateProblem
    /// Text quoted from the value the template was given (`, found "abc"`), shown after the
    /// message to people but never kept in a tracked file: it may be a step's output.
    package var quoted = ""

    /// An error: `problem` at `range`.
    package init(range: Range<Int>, _ problem: TemplateProblem, quoted: String = "") {
        self.range = range
        self.problem = problem
        self.quoted = quoted
    }

    /// An error whose message its raiser wrote (``TemplateProblem/written(_:)``).
    package init(range: Range<Int>, message: String) {
        self.init(range: range, .written(message))
    }

    /// What is wrong, lower case, as ``TemplateProblem/described`` writes it.
    package var message: String { problem.described.message }

    /// `"offset N: message"`.
    package var description: String { "offset \(range.lowerBound): \(message)" }
}
