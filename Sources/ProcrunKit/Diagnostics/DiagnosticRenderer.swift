/// Renders diagnostics the one way procrun prints them:
/// `path:line:col: error: message`, then the source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colour (only on a terminal, never when `NO_COLOR` is set).
    public var color: Bool
    /// The files diagnostics may point into, by path, for quoting their lines.
    public var sources: [String: SourceFile]

    /// Creates a renderer.
    public init(color: Bool = false, sources: [SourceFile] = []) {
        self.color = color
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds a file that diagnostics may quote.
    public mutating func add(_ file: SourceFile) {
        sources[file.path] = file
    }

    /// The full text for one diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var head = ""
        if let path = diagnostic.path {
            head += path + ":"
            if let location = diagnostic.location {
                head += "\(location.line):\(location.column):"
            }
            head += " "
        }
        var out = style(head, bold: true)
        out += style("\(diagnostic.severity.rawValue):", code: severityColor(diagnostic.severity), bold: true)
        out += style(" " + diagnostic.message, bold: true) + "\n"
        if let path = diagnostic.path, let location = diagnostic.location,
            let line = source(path)?.lineText(location.line), !line.contains("\0")
        {
            out += line + "\n"
            out += caretPadding(line, column: location.column) + style("^", code: "32", bold: true) + "\n"
        }
        for note in diagnostic.notes {
            out += style("note:", code: "36", bold: true) + " " + note + "\n"
        }
        return out
    }

    /// The rendering of many diagnostics, in order.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// A registered file, or the file read from disk (diagnostics are rare; reading is fine).
    private func source(_ path: String) -> SourceFile? {
        if let file = sources[path] { return file }
        return try? SourceFile.read(path)
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
