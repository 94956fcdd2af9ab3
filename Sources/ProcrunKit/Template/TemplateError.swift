/// A problem in a template or expression: where (offsets in Unicode scalars from the start of the
/// source text, half-open), what kind of problem it is, and what.
package struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem a template error is, for code that must tell them apart.
    package enum Kind: Sendable, Hashable {
        /// A name that is not defined: its root and the names after it, up to the one missing
        /// (`["steps", "build"]` for `steps.build`, `["inputs", "tag"]` for `inputs.tag`).
        case undefinedName([String])
        /// A filter that does not exist.
        case unknownFilter
        /// Anything else: a wrong type, a wrong number of arguments, a value out of range.
        case other
    }

    /// Where the problem is, in Unicode scalars from the start of the source text.
    package var range: Range<Int>
    /// What is wrong, lower case.
    package var message: String
    /// What kind of problem it is.
    package var kind: Kind
    /// Text quoted from the value the template was given (`, found "abc"`), shown after the
    /// message to people but never kept in a tracked file: it may be a step's output.
    package var quoted = ""

    /// Makes an error.
    package init(range: Range<Int>, message: String, kind: Kind = .other, quoted: String = "") {
        self.range = range
        self.message = message
        self.kind = kind
        self.quoted = quoted
    }

    /// `"offset N: message"`.
    package var description: String { "offset \(range.lowerBound): \(message)" }
}
