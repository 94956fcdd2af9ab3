/// What names exist before a run, for static checking.
package indirect enum NameShape: Sendable {
    /// A value of a known (or `.any`) type; its fields, if any, are not known.
    case value(ValueType)
    /// A mapping whose fields are known. `open`: any other field is allowed with type `.any`.
    /// `optionalWithDefault`: a missing field is allowed only when the path is followed by a
    /// `default(...)` filter (used for `env`).
    case object([String: NameShape], open: Bool, optionalWithDefault: Bool)

    /// A closed object with these fields.
    package static func object(_ fields: [String: NameShape]) -> NameShape {
        .object(fields, open: false, optionalWithDefault: false)
    }

    /// The static type of a value of this shape.
    package var valueType: ValueType {
        switch self {
        case .value(let type): type
        case .object: .mapping
        }
    }
}
