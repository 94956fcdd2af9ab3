extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An `.integer` from a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A `.number` from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A `.boolean` from a literal.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A `.list` from a literal.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    /// A `.mapping` from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .mapping(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
