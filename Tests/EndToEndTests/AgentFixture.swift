import ProcrunKit

/// Paths shared by the agent-facing tests: the repository's example executor and the MCP fixtures.
enum AgentFixture {
    /// The repository's root (three folders above the fixtures).
    static let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: ProcrunBinary.fixtures)))
    /// `examples/executor.py`.
    static let executor = repository + "/examples/executor.py"
    /// `Fixtures/mcp`.
    static let mcp = ProcrunBinary.fixtures + "/mcp"
    /// The lines that open an MCP session: `initialize` (id 0, answered) and `initialized`.
    static let mcpHandshake = [
        #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    ]

    /// Reads `--json` output into a mapping, or nil.
    static func object(_ text: String) -> [String: Value]? {
        guard case .mapping(let fields)? = Value(jsonText: text.trimmingSuffixNewlines()) else { return nil }
        return fields
    }

    /// The report's steps as mappings.
    static func steps(_ report: [String: Value]?) -> [[String: Value]] {
        guard case .list(let items)? = report?["steps"] else { return [] }
        return items.compactMap { if case .mapping(let fields) = $0 { fields } else { nil } }
    }
}

extension String {
    /// The text without trailing newlines.
    func trimmingSuffixNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }
}
