extension ShellScanner {
    /// Where a value stands, as the scanner sees it.
    enum Frame: Equatable {
        case command
        case doubleQuoted
        case singleQuoted
        case ansiQuoted
        /// `$((`, `((` (closer `)`) or `$[` (closer `]`), with the open parentheses inside.
        case arithmetic(closer: Unicode.Scalar, depth: Int)
        /// `${...}`, with the open braces inside.
        case parameter(depth: Int)
        /// A subscript or bracket expression inside a word (`a[...]`).
        case bracket
        case comment
        /// The body of the here-document `heredocs[index]`.
        case heredocBody(index: Int)
        case heredocDelimiter
    }
}
