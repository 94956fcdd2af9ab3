import ProcrunSystem
import ProcrunText

/// `mcp`: calls a tool on an MCP server of `procrun.yaml`. Outcome: the tool result's text.
final class MCPAction: BuiltinAction {
    static let declaration = ActionDeclaration(
        "mcp", "Calls a tool on an MCP server of procrun.yaml. Outcome: the tool result's text.",
        parameters: [
            ActionParameter(
                "server", .identifier, .described("the only server"),
                "a name under `mcp_servers` in `procrun.yaml`; may be left out when it names exactly one server"),
            ActionParameter("tool", .template, .required, "the tool's name"),
            ActionParameter(
                "arguments", .mapping, .value(.mapping([:])),
                "the tool's arguments; strings at any depth are templates, plain numbers, booleans and `null` keep their type"),
        ])
    static let hasEffects = true

    /// The server's name in `procrun.yaml`'s `mcp_servers`.
    let server: String
    /// The tool's name.
    let tool: TemplateField
    /// The tool's arguments (a mapping), if any.
    let arguments: ParameterTree?

    /// Reads the parameters; `server` may be left out when the library has one server.
    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let server = Self.server(parameters, reader: &reader), let tool = parameters.field("tool", reader: &reader) else { return nil }
        self.server = server
        self.tool = tool
        guard let node = parameters.node("arguments") else {
            arguments = nil
            return
        }
        guard node.node.pairs != nil || node.node.scalar?.isNull == true else {
            reader.error(.expectedMapping(what: "parameter 'arguments'", found: node.node.kindDescription), at: node.node.start)
            return nil
        }
        guard let arguments = ProcedureLoader.parameterTree(node.node, "parameter 'arguments'", reader: &reader) else { return nil }
        self.arguments = arguments
    }

    /// The server the step names, or the library's only one.
    private static func server(_ parameters: ActionCompiler, reader: inout NodeReader) -> String? {
        let servers = parameters.mcpServers.keys.sorted()
        if let given = parameters.node("server") {
            guard let name = reader.string(given.node, "parameter 'server'") else { return nil }
            guard parameters.mcpServers[name] != nil else {
                reader.error(.unknownMCPServer(name: name, known: servers), at: given.node.start)
                return nil
            }
            return name
        }
        if servers.count == 1, let only = servers.first { return only }
        // Without any parameter, the missing 'tool' is already reported.
        guard let location = parameters.node("tool")?.keyStart ?? parameters.parameters.first?.keyStart else { return nil }
        reader.error(.mcpServerNeeded(servers: servers), at: location)
        return nil
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields += [tool] + (arguments?.templates ?? [])
    }

    var preview: String? { nil }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let arguments = try self.arguments.map { (tree) throws(StepFailure) in try context.render(tree) } ?? .mapping([:])
        result.outcome = "mcp: \(server).\(try context.string(tool)) " + context.redact(arguments.jsonText)
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? { nil }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        guard let command = context.mcpServers[server] else { throw StepFailure(.unknownMCPServer(name: server)) }
        let tool = try context.string(tool)
        let arguments = try self.arguments.map { (tree) throws(StepFailure) in try context.render(tree) } ?? .mapping([:])
        let subject = "MCP server '\(server)'"
        let timeout = context.timeLimit.map { min($0, command.timeout) } ?? command.timeout
        let answer: (text: String, isError: Bool)
        do {
            answer = try context.callTool(tool, arguments: arguments == .null ? .mapping([:]) : arguments, on: server, command, timeout: timeout)
        } catch {
            if error.interrupted { throw StepFailure.interrupted }
            throw StepFailure(.agentFailed(subject: subject, reason: error.message), quoting: error.detail)
        }
        result.outcome = answer.text
        if answer.isError { throw StepFailure(.toolError(tool: tool, subject: subject), quoting: ": " + answer.text) }
    }
}
