/// One problem found in a file or on the command line, with where it is.
public struct Diagnostic: Error, Sendable, Hashable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// How serious it is.
    public var severity: Severity
    /// The message: lower case, what was expected and what was found.
    public var message: String
    /// The file it is in, if any.
    public var path: String?
    /// Where in the file, if known.
    public var location: SourceLocation?
    /// Further lines printed after the source excerpt (a call chain, a hint).
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, _ message: String, path: String? = nil,
        at location: SourceLocation? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.notes = notes
    }

    /// An error at a location in a file.
    public static func error(_ message: String, in file: SourceFile, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, path: file.path, at: location)
    }
}

/// A failure that carries every problem found, not only the first.
public struct DiagnosticsError: Error, Sendable {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
