/// One problem found in a file or on the command line: what it is (a stable ``ID``), what went
/// wrong (a message) and where (a path and a location), kept as data until ``DiagnosticRenderer``
/// prints it.
///
/// Code that must tell problems apart compares ``id``, never the message's text.
public struct Diagnostic: Error, Sendable, Hashable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// What kind of problem it is; stable across releases, whatever the message says.
    public var id: ID
    /// How serious it is.
    public var severity: Severity
    /// The message: lower case, what was expected and what was found.
    public var message: String
    /// The file it is in, if any.
    public var path: String?
    /// Where in the file, if known.
    public var location: SourceLocation?
    /// Further remarks printed after it (where a call was made, how to get out of the problem),
    /// each with its own position when it has one.
    public var notes: [Note]

    /// Creates a diagnostic of a kind `id` with its message written here (procrun's own problems
    /// are written by their layer's ``DiagnosticMessage`` instead: ``init(_:_:path:at:notes:)``).
    public init(
        _ severity: Severity = .error, _ message: String, id: ID, path: String? = nil,
        at location: SourceLocation? = nil, notes: [Note] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.notes = notes
    }

    /// A problem of a layer's catalog: its id and message as the catalog writes them, where it is.
    package init(
        _ problem: some DiagnosticMessage, _ severity: Severity = .error, path: String? = nil, at location: SourceLocation? = nil,
        notes: [Note] = []
    ) {
        let (id, message) = problem.described
        self.init(severity, message, id: id, path: path, at: location, notes: notes)
    }

    /// An error of a layer's catalog at a location in a file.
    package static func error(_ problem: some DiagnosticMessage, in file: SourceFile, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(problem, path: file.path, at: location, notes: notes)
    }

    /// An error at a location in a file.
    public static func error(_ id: ID, _ message: String, in file: SourceFile, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, id: id, path: file.path, at: location, notes: notes)
    }

    /// The problem without its notes: one problem in a called file, reached through several callers
    /// (each adding a note at its call), is the same problem.
    package var withoutNotes: Diagnostic {
        var bare = self
        bare.notes = []
        return bare
    }

    /// Orders diagnostics as `check` reports them: by file, then by position (a problem with no
    /// position, such as one about the command line, first), keeping the order of equal ones.
    public static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.path != b.path { return (a.path ?? "") < (b.path ?? "") }
            let (x, y) = (a.location?.offset ?? -1, b.location?.offset ?? -1)
            return x != y ? x < y : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
