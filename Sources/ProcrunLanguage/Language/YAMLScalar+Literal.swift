import ProcrunText

extension YAMLScalar {
    /// The typed value this scalar stands for where a value of any type may be written (a `set`
    /// variable, an input passed to a procedure, a parameter for an executor or an MCP tool), or
    /// nil for text, which the caller reads as a template.
    ///
    /// A plain untagged scalar is typed by its text: `true` and `false`, a decimal integer, a
    /// decimal number with a point, a null. A core tag types it itself: `!!int`, `!!float`,
    /// `!!bool`, `!!null` (the parser has checked that the text fits). A quoted or block scalar,
    /// and one tagged `!!str` or `!`, is text.
    var literalValue: Value? {
        switch coreTag {
        case .int?: return DecimalText.integer(text).map(Value.integer)
        case .float?: return DecimalText.number(text).map(Value.number)
        case .bool?: return .boolean(text == "true")
        case .null?: return .null
        case .str?, .map?, .seq?: return nil
        case nil: break
        }
        guard style == .plain else { return nil }
        if isNull { return .null }
        if text == "true" || text == "false" { return .boolean(text == "true") }
        if let integer = DecimalText.integer(text) { return .integer(integer) }
        if let number = DecimalText.number(text), text.contains(".") { return .number(number) }
        return nil
    }
}
