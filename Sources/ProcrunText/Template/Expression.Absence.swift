extension Expression {
    /// How a name an expression reads may lack a value when it is evaluated (see
    /// ``Expression/unguardedReads(_:needed:)``).
    package enum Absence: Sendable, Hashable {
        /// The name may be null (an input given no value and without a default): reading it fails
        /// only where a value is needed.
        case null
        /// The name may be undefined (an output of a step that may not run): any read fails,
        /// unless `default(...)` catches it.
        case undefined
    }
}
