extension Value {
    /// Reads one JSON text (RFC 8259) into a value; nil when it is not valid JSON.
    ///
    /// Integers that fit in `Int` stay integers; other numbers are `number`. Nesting deeper than
    /// 200 levels is refused rather than risking the stack.
    public init?(jsonText: String) {
        var parser = JSONScanner(bytes: Array(jsonText.utf8))
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { return nil }
        self = value
    }
}

