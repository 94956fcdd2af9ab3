/// One key and value of a mapping.
@usableFromInline package struct YAMLPair: Sendable {
    /// The key's text.
    @usableFromInline package var key: String
    /// Where the key starts.
    package var keyStart: SourceLocation
    /// The value.
    @usableFromInline package var value: YAMLNode

    /// Creates a pair.
    package init(key: String, keyStart: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyStart = keyStart
        self.value = value
    }
}
