extension String {
    /// `NAME=VALUE` cut at its first `=`; nil when there is none.
    ///
    /// The `=` is looked for among Unicode scalars, not characters: a value that starts with a
    /// combining mark (U+0301, U+200D, U+FE0F) makes one character of the `=` and the mark.
    package var assignment: (name: String, value: String)? {
        let scalars = unicodeScalars
        guard let equals = scalars.firstIndex(of: "=") else { return nil }
        return (String(scalars[..<equals]), String(scalars[scalars.index(after: equals)...]))
    }
}
