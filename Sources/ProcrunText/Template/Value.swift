/// A runtime value: what inputs, variables, step results and rendered templates hold.
package enum Value: Sendable, Hashable {
    /// Text.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A floating-point number.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An ordered list of values.
    case list([Value])
    /// String keys to values.
    case mapping([String: Value])
    /// No value.
    case null

    /// The name of the value's type as the language reference spells it (`"string"`, `"integer"`, ...).
    package var typeName: String { valueType.name }

    /// The static type this value has.
    package var valueType: ValueType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .list: .list
        case .mapping: .mapping
        case .null: .null
        }
    }

    /// The value as template text: strings as they are, integers in decimal, numbers in Swift's
    /// shortest round-trip form (`Double.description`: `1.5`, `2.0`, `1e+20`), booleans as
    /// `true`/`false`, lists and mappings as compact JSON with sorted keys.
    ///
    /// Rendering `null` is an error; its range is empty, for the caller to position.
    package func rendered() throws(TemplateError) -> String {
        var out = ""
        try appendRendered(to: &out)
        return out
    }

    /// Appends `rendered()` to `out` without an intermediate string.
    func appendRendered(to out: inout String) throws(TemplateError) {
        switch self {
        case .string(let text): out += text
        case .integer(let number): out += String(number)
        case .number(let number): out += number.description
        case .boolean(let flag): out += flag ? "true" : "false"
        case .list, .mapping: appendJSON(to: &out)
        case .null:
            throw TemplateError(range: 0..<0, .nullAsText)
        }
    }
}
