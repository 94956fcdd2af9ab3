package import ProcrunText

extension InputSpec.Kind {
    /// The kind with its article, as messages say it: "a string", "an integer".
    package var nameWithArticle: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .list: "a list"
        }
    }

    /// Whether a value of static type `type` may be passed to an input of this kind (text is
    /// accepted where its content decides, and checked when the value is known).
    package func accepts(_ type: ValueType) -> Bool {
        switch (self, type) {
        case (_, .any), (_, .null), (_, .string): true
        case (.string, .integer), (.string, .number), (.string, .boolean): true
        case (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .boolean), (.list, .list): true
        default: false
        }
    }

    /// A value passed by a caller, as this kind: numbers and booleans become text for a string,
    /// text is read as `--set` reads it; nil when it cannot be read so.
    package func coerce(_ value: Value) -> Value? {
        switch (self, value) {
        case (.string, .string), (.integer, .integer), (.number, .number), (.boolean, .boolean), (.list, .list): value
        case (.string, .integer), (.string, .number), (.string, .boolean): (try? value.rendered()).map(Value.string)
        case (.number, .integer(let integer)): .number(Double(integer))
        case (_, .string(let text)): InputBinder.parse(text, as: self)
        default: nil
        }
    }
}

extension Value {
    /// How messages describe a value passed to an input: "the string 'many'", "the integer 3".
    package var passedDescription: String {
        switch self {
        case .string(let text): "the string '\(text.excerpt(40))'"
        case .integer(let integer): "the integer \(integer)"
        case .number: "the number \((try? rendered()) ?? "")"
        case .boolean(let flag): "the boolean \(flag)"
        case .list: "a list"
        case .mapping: "a mapping"
        case .null: "null"
        }
    }
}
