import ProcrunText

extension ActionLog {
    /// An MCP `tools/call` as an agent's session log holds it, rewritten as the `mcp` action that
    /// replays it; nil for any other line.
    ///
    /// ```json
    /// {"server": "files", "method": "tools/call", "params": {"name": "read_text_file", "arguments": {"path": "README.md"}},
    ///  "result": {"content": [{"type": "text", "text": "# procrun"}], "isError": false}, "duration_ms": 12}
    /// ```
    ///
    /// becomes `{"action": "mcp", "parameters": {"server": "files", "tool": "read_text_file",
    /// "arguments": {...}}, "outcome": "# procrun", "status": "success", "duration_ms": 12}`. The
    /// result's text content is the outcome, `isError` its status; `server` may be left out when
    /// `procrun.yaml` names one MCP server.
    static func toolCall(_ value: JSONValue) -> JSONValue? {
        guard value["action"] == nil, case .string("tools/call")? = value["method"], case .object? = value["params"],
            case .string(let tool)? = value["params"]?["name"]
        else { return nil }
        var parameters: [(key: String, value: JSONValue)] = []
        if let server = value["server"] { parameters.append(("server", server)) }
        parameters.append(("tool", .string(tool)))
        parameters.append(("arguments", value["params"]?["arguments"] ?? .object([])))
        var members: [(key: String, value: JSONValue)] = [("action", .string("mcp")), ("parameters", .object(parameters))]
        if let result = value["result"] {
            if case .array(let content)? = result["content"] {
                let texts = content.compactMap { item -> String? in
                    if case .string(let text)? = item["text"] { return text }
                    return nil
                }
                members.append(("outcome", .string(texts.joined(separator: "\n"))))
            }
            if case .boolean(let failed)? = result["isError"] { members.append(("status", .string(failed ? "failed" : "success"))) }
        }
        if value["error"] != nil { members.append(("status", .string("failed"))) }
        for key in ["status", "duration_ms", "notes"] {
            if let member = value[key] { members.append((key, member)) }
        }
        return .object(members)
    }
}
