/// A declared input of a procedure.
public struct InputSpec: Sendable {
    /// The types an input may have.
    public enum Kind: String, Sendable, CaseIterable {
        case string, integer, number, boolean, list

        /// The static type templates see.
        public var valueType: ValueType {
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
    public var name: String
    /// Where it is declared.
    public var location: SourceLocation
    /// Its type.
    public var kind: Kind = .string
    /// What it is for.
    public var description = ""
    /// The value used when none is given.
    public var defaultValue: Value?
    /// Whether a run without a value is refused.
    public var required = false
    /// The values it may take, if restricted.
    public var allowed: [Value]?
    /// Whether its value is hidden in output.
    public var secret = false
}
