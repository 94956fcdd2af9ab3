extension ShellScanner {
    /// A here-document: its delimiter, and how its body treats values.
    struct Heredoc {
        var delimiter: String
        var stripsTabs: Bool
        /// The delimiter was quoted: the body is literal text.
        var quoted: Bool
        /// A quoted plain delimiter was written unquoted in the script, and the body escaped.
        var rewritten: Bool
        /// The body is standard input to a program that runs it as code: the reason.
        var feedsCode: String?
    }
}
