extension ShellScanner {
    /// A word of a simple command, as `ShellCodeRules` reads it.
    package struct Word {
        /// The text with quotes removed; a value is one U+0000, a nested `$(...)` one U+0001.
        var literal = String.UnicodeScalarView()
        /// The text with values in place: a direct command's argument.
        package var text = String.UnicodeScalarView()
        var started = false
        var hasValue = false
        var hasNested = false
        /// Values standing directly in the word.
        var sites: [Int] = []
        /// Values inside `$(...)`, backquotes or `<(...)` within the word.
        var nestedSites: [Int] = []
        /// The names of the `${...}` expansions in the word (when names are collected).
        var names: [String] = []
        /// The word follows `<<<`: it is the command's standard input.
        var isHereString = false
        /// The word is the target of a redirection (`< file`, `> file`, `<<< text`).
        package var isRedirection = false
    }
}
