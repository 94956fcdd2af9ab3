public import ProcrunText

/// One named parameter of a recorded action.
public struct RecordedParameter: Sendable, Hashable {
    /// The parameter's name.
    public var name: String
    /// Its value (text, a number, a list, ...).
    public var value: JSONValue

    /// A parameter.
    public init(_ name: String, _ value: JSONValue) {
        self.name = name
        self.value = value
    }
}
