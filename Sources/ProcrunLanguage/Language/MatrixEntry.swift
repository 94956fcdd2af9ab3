package import ProcrunText

/// One entry of a matrix: a value for each of its names, in the matrix's order.
package struct MatrixEntry: Sendable, Equatable {
    /// The names, axes first.
    package var keys: [String]
    /// The value of each name (null where an entry that `include` added leaves one out).
    package var values: [String: Value]

    /// The entry as templates read it: `matrix.NAME`.
    package var value: Value { .mapping(values) }

    /// How progress lines and errors name the entry: `os=linux, py=3.11`, leaving out names it has
    /// no value for; a mapping is named by its `name` field when it has one.
    package var label: String {
        keys.compactMap { key in
            guard let value = values[key], value != .null else { return nil }
            return "\(key)=\(Self.shown(value))"
        }.joined(separator: ", ")
    }

    /// A value in a label: text as it is, a mapping by its `name`, anything else as JSON.
    private static func shown(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .mapping(let fields): fields["name"].map(shown) ?? value.jsonText
        default: value.jsonText
        }
    }
}
