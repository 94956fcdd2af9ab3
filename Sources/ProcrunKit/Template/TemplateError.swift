/// A problem in a template or expression: where (offsets in Unicode scalars from the start of the
/// source text, half-open) and what.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, in Unicode scalars from the start of the source text.
    public var range: Range<Int>
    /// What is wrong, lower case.
    public var message: String

    /// Makes an error.
    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }

    /// `"offset N: message"`.
    public var description: String { "offset \(range.lowerBound): \(message)" }
}
