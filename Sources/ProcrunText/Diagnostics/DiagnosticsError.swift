/// A failure that carries every problem found, not only the first.
public struct DiagnosticsError: Error, Sendable {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
