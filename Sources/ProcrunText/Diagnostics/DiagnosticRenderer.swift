/// Renders diagnostics the one way procrun prints them:
/// `path:line:col: error: message`, then the source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colour (only on a terminal, never when `NO_COLOR` is set).
    public var color: Bool
    /// The files diagnostics may point into, by path, for quoting their lines.
    public var sources: [String: SourceFile]
    /// Whether each diagnostic is followed by its GitHub Actions annotation (``WorkflowCommand``):
    /// what `run` and `check` print when `GITHUB_ACTIONS=true`.
    package var workflowCommands = false

    /// Creates a renderer.
    public init(color: Bool = false, sources: [SourceFile] = []) {
        self.color = color
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds a file that diagnostics may quote.
    public mutating func add(_ file: SourceFile) {
        sources[file.path] = file
    }

    /// The full text for one diagnostic, ending with a newline: its head line, the source line and
    /// a caret, then each note (with its own source line and caret when it has a position).
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = style(Self.place(diagnostic.path, diagnostic.location), bold: true)
        out += style("\(diagnostic.severity.rawValue):", code: severityColor(diagnostic.severity), bold: true)
        out += style(" " + diagnostic.message, bold: true) + "\n"
        out += excerpt(diagnostic.path, diagnostic.location)
        for note in diagnostic.notes {
            out += style(Self.place(note.path, note.location), bold: true) + style("note:", code: "36", bold: true) + " " + note.message + "\n"
            out += excerpt(note.path, note.location)
        }
        if workflowCommands { out += WorkflowCommand.annotation(diagnostic) + "\n" }
        return out
    }

    /// One diagnostic on one line, `path:line:col: message`, for places that hold a problem as a
    /// line of text (a step's error in a run report, a tool's answer); its notes follow in
    /// parentheses, each with its own position.
    public static func line(_ diagnostic: Diagnostic) -> String {
        let notes = diagnostic.notes.map { place($0.path, $0.location) + $0.message }
        return place(diagnostic.path, diagnostic.location) + diagnostic.message + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }

    /// `path:line:col: `, `path: ` or nothing: how a diagnostic's position is written before it.
    public static func place(_ path: String?, _ location: SourceLocation?) -> String {
        path.map { position($0, location) + ": " } ?? ""
    }

    /// `path:line:col`, or `path` without a location: how every position procrun prints is written.
    public static func position(_ path: String, _ location: SourceLocation?) -> String {
        guard let location else { return path }
        return "\(path):\(location.line):\(location.column)"
    }

    /// The source line a diagnostic points at and a caret under its column (nothing without a
    /// position): for showing a run-time failure under the line that already names it.
    package func excerpt(of diagnostic: Diagnostic) -> String {
        excerpt(diagnostic.path, diagnostic.location)
    }

    /// The source line at `location` and a caret under its column, or nothing.
    private func excerpt(_ path: String?, _ location: SourceLocation?) -> String {
        guard let path, let location, let line = source(path)?.lineText(location.line), !line.isEmpty, !line.contains("\0") else { return "" }
        return line + "\n" + caretPadding(line, column: location.column) + style("^", code: "32", bold: true) + "\n"
    }

    /// How many diagnostics of one list ``render(_:)-([Diagnostic])`` prints; the rest are counted
    /// in one last line. A file can hold tens of thousands of the same problem (a generated file
    /// with a key repeated), and no one reads past the first screens of them.
    public static let shownLimit = 100

    /// The rendering of many diagnostics, in order: the first ``shownLimit``, then a note that
    /// counts the others.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let shown = diagnostics.prefix(Self.shownLimit)
        var out = shown.map(render).joined()
        let hidden = diagnostics.count - shown.count
        if hidden > 0 {
            out += style("note:", code: "36", bold: true) + " and \(hidden) more problem\(hidden == 1 ? "" : "s") (only the first \(Self.shownLimit) are shown)\n"
        }
        return out
    }

    /// The largest file read from disk to quote its lines: the size procedure files are limited to.
    static let quotedFileLimit = SourceFile.largestFile

    /// A registered file, or the file read from disk (diagnostics are rare; reading is fine).
    private func source(_ path: String) -> SourceFile? {
        if let file = sources[path] { return file }
        return (try? FileSystem.read(path, limit: Self.quotedFileLimit)).map { SourceFile(path: path, bytes: $0) }
    }

    private func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            padding.append(scalar == "\t" ? "\t" : " ")
        }
        return padding
    }

    private func severityColor(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "35"
        case .note: "36"
        }
    }

    private func style(_ text: String, code: String? = nil, bold: Bool = false) -> String {
        guard color, !text.isEmpty else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let code { codes.append(code) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}
