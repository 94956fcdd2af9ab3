extension ShellScanner {
    /// A command context: the top level, `$(...)`, backquotes or `<(...)`.
    struct CommandState {
        enum Closer { case end, parenthesis, backquote }
        var closer: Closer
        /// Open subshell parentheses inside.
        var depth = 0
        var words: [Word] = []
        var word = Word()
        /// The sites of the current pipeline's finished stages, and whether each stage reads code
        /// from standard input.
        var stages: [(sites: [Int], readsCode: String?)] = []
        /// Here-documents opened by the current pipeline, with their stage.
        var heredocs: [(index: Int, stage: Int)] = []
        var inDoubleBracket = false
        var nextIsHereString = false
        /// The next word follows `<`, `>` or `<<<`: a redirection's target, not an operand.
        var nextIsRedirection = false
        var previous: Unicode.Scalar = " "
        /// Just after `$(` or `(`: a second `(` makes it arithmetic.
        var justOpened = Opened.none
        enum Opened { case none, substitution, subshell }
    }
}
