package import ProcrunText

/// What an MCP tool returns: text (JSON for every procrun tool's answer, and for every report of
/// `run_procedure`), whether it is an error and of which ``Kind``, and the same as structured
/// content for a client to read as data.
package struct MCPToolResult: Sendable, Equatable {
    /// The text content.
    package var text: String
    /// What kind of error the call ended in; nil when it succeeded.
    package var kind: Kind?
    /// The JSON object the text holds (an error's with its `kind` added); for an error whose text
    /// is a message, `{"kind", "message", "diagnostics"}` (diagnostics only when procrun's
    /// diagnostics say why, each as `check --json` writes it). Nil for a success whose text is no
    /// JSON object.
    package var structuredContent: Value?

    /// Whether the call failed; the text says why, the kind what kind of failure it was.
    package var isError: Bool { kind != nil }

    /// A result whose text is `text`: an error of `kind`, unless nil, with the `diagnostics` behind it.
    package init(text: String, kind: Kind? = nil, diagnostics: [Diagnostic] = []) {
        self.text = text
        self.kind = kind
        if case .mapping(var fields)? = Value(jsonText: text) {
            if let kind { fields["kind"] = .string(kind.rawValue) }
            structuredContent = .mapping(fields)
        } else if let kind {
            var fields: [String: Value] = ["kind": .string(kind.rawValue), "message": .string(text)]
            if !diagnostics.isEmpty { fields["diagnostics"] = Self.value(of: diagnostics) }
            structuredContent = .mapping(fields)
        }
    }

    /// A refused call: the problem's message, kind and diagnostics.
    package static func error(_ problem: AgentProblem) -> MCPToolResult {
        MCPToolResult(text: problem.described.message, kind: problem.described.kind, diagnostics: problem.diagnostics)
    }

    /// The diagnostics as the JSON array `check --json` writes.
    private static func value(of diagnostics: [Diagnostic]) -> Value {
        var json = JSONWriter()
        json.beginObject()
        Diagnostic.write(diagnostics, as: "diagnostics", into: &json)
        json.endObject()
        guard case .mapping(let fields)? = Value(jsonText: json.text) else { return .list([]) }
        return fields["diagnostics"] ?? .list([])
    }
}
