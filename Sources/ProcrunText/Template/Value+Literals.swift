extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A `.string` from a literal.
    package init(stringLiteral value: String) { self = .string(value) }
    /// An `.integer` from a literal.
    package init(integerLiteral value: Int) { self = .integer(value) }
    /// A `.number` from a literal.
    package init(floatLiteral value: Double) { self = .number(value) }
    /// A `.boolean` from a literal.
    package init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A `.list` from a literal.
    package init(arrayLiteral elements: Value...) { self = .list(elements) }
    /// A `.mapping` from a literal; a repeated key keeps its last value.
    package init(dictionaryLiteral elements: (String, Value)...) {
        self = .mapping(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
