/// A regular expression compiled once, when the procedure is loaded, with its source text.
package struct CompiledRegex: @unchecked Sendable {
    /// The compiled expression; never mutated after loading, so sharing it is safe.
    package let regex: Regex<AnyRegexOutput>
    /// The pattern as written.
    package let pattern: String

    /// Compiles `pattern`; throws the regex parser's error.
    package init(_ pattern: String) throws {
        self.regex = try Regex(pattern)
        self.pattern = pattern
    }


    /// Whether the whole of `text` matches (an input's `pattern`).
    package func matchesWhole(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }

    /// Whether `text` has a match.
    package func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
