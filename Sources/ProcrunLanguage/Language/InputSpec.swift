package import ProcrunText

/// A declared input of a procedure.
package struct InputSpec: Sendable {
    /// The types an input may have.
    package enum Kind: String, Sendable, CaseIterable {
        case string, integer, number, boolean, list

        /// The static type templates see.
        package var valueType: ValueType {
            switch self {
            case .string: .string
            case .integer: .integer
            case .number: .number
            case .boolean: .boolean
            case .list: .list
            }
        }
    }

    /// The input's name.
    package var name: String
    /// Where it is declared.
    package var location: SourceLocation
    /// Its type.
    package var kind: Kind = .string
    /// What it is for.
    package var description = ""
    /// The value used when none is given.
    package var defaultValue: Value?
    /// Whether a run without a value is refused.
    package var required = false
    /// The values it may take, if restricted.
    package var allowed: [Value]?
    /// Whether its value is hidden in output.
    package var secret = false
    /// A regular expression a `string` value must match whole, if restricted (`pattern:`).
    package var pattern: CompiledRegex?
    /// Whether it takes the words after `--` on the command line (`rest: true`, a `list` input;
    /// at most one per procedure).
    package var rest = false
}
