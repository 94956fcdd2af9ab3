extension Expression {
    /// `| name(arguments)` applied to an operand.
    package struct FilterCall: Sendable, Hashable {
        var name: String
        /// The known filter of that name, nil when there is none (an error reported by `check`
        /// and at render time).
        package var filter: TemplateFilter?
        var nameRange: Range<Int>
        var arguments: [Expression]
        /// From the name to the closing parenthesis.
        var range: Range<Int>
    }
}
