/// GitHub Actions workflow commands: the lines the runner reads from a job's output and turns into
/// annotations (`::error file=PATH,line=L,col=C::MESSAGE`) and foldable groups (`::group::NAME`,
/// `::endgroup::`). procrun writes them when `GITHUB_ACTIONS=true`, as every job of Actions has it.
///
/// Text is escaped as the runner unescapes it: `%`, carriage return and newline in a message; also
/// `:` and `,` in a property's value. Paths are written as procrun prints them, relative to the
/// current folder (the workspace, in Actions) unless they were given absolute.
package enum WorkflowCommand {
    /// Whether this process runs as a step of GitHub Actions (`GITHUB_ACTIONS=true`).
    package static var isOn: Bool { FileSystem.environment("GITHUB_ACTIONS") == "true" }

    /// An annotation of `severity` (`::error`, `::warning` or `::notice`) at `path:line:col` (each
    /// property left out when unknown), with `title` above `message`; one line, without its newline.
    package static func annotation(
        _ severity: Diagnostic.Severity, path: String?, at location: SourceLocation?, title: String? = nil, message: String
    ) -> String {
        var properties: [String] = []
        if let path { properties.append("file=" + escapedProperty(path)) }
        if path != nil, let location {
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        if let title { properties.append("title=" + escapedProperty(title)) }
        let command =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        return "::" + command + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + escapedData(message)
    }

    /// The annotation of a diagnostic, at its position.
    package static func annotation(_ diagnostic: Diagnostic) -> String {
        annotation(diagnostic.severity, path: diagnostic.path, at: diagnostic.location, message: diagnostic.message)
    }

    /// The line that starts a foldable group named `name`. Groups do not nest in Actions.
    package static func group(_ name: String) -> String {
        "::group::" + escapedData(name)
    }

    /// The line that ends the group started last.
    package static let endGroup = "::endgroup::"

    /// A message as the runner reads it back: `%`, `\r` and `\n` escaped.
    static func escapedData(_ text: String) -> String {
        escaped(text, property: false)
    }

    /// A property's value as the runner reads it back: also `:` and `,` escaped.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, property: true)
    }

    private static func escaped(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
