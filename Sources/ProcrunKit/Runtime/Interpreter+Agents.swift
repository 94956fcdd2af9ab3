extension Interpreter {
    /// Hands an action nothing else defines to the library's executor.
    func runExternal(_ name: String, _ parameters: [(name: String, value: ParameterTree)], step: Step, into result: inout StepResult) throws(StepFailure) {
        var rendered: [String: Value] = [:]
        for (parameter, tree) in parameters { rendered[parameter] = try render(tree) }
        sessions.lock()
        defer { sessions.unlock() }
        if let perform = sessions.callerExecutor {
            do {
                result.outcome = try perform(name, rendered)
            } catch {
                throw StepFailure(.agent, cause: "action '\(name)' failed", shown: String(describing: error))
            }
            return
        }
        guard let command = library.executor else { throw StepFailure(.agent, "no executor is configured for action '\(name)'") }
        let subject = "executor '\(command.displayName)'"
        let timeout = timeLeft(limit(of: step)).map { min($0, command.timeout) } ?? command.timeout
        let reply: ExecutorReply
        do {
            let executor = try sessions.executor(command)
            let context: [String: Value] = ["procedure": .string(procedure.name.value), "step": .string(step.displayName)]
            reply = try executor.perform(action: name, parameters: .mapping(rendered), context: context, timeout: timeout)
        } catch {
            if error.interrupted { throw StepFailure.interrupted }
            if error.kind == .broken { sessions.abandonExecutor(because: "it " + error.message) }
            throw StepFailure(.agent, "\(subject) \(error.message)", quoting: error.detail)
        }
        result.outcome = reply.outcome
        if !reply.success {
            let cause = "\(subject) reported a failure"
            throw StepFailure(.agent, cause: cause, shown: reply.error ?? cause)
        }
    }

    /// Calls a tool on a configured MCP server.
    func runMCP(_ call: MCPCall, step: Step, into result: inout StepResult) throws(StepFailure) {
        guard let command = library.mcpServers[call.server] else { throw StepFailure(.agent, "unknown MCP server '\(call.server)'") }
        let tool = try string(call.tool)
        let arguments = try call.arguments.map { (tree) throws(StepFailure) in try render(tree) } ?? .mapping([:])
        let argumentsObject: Value = arguments == .null ? .mapping([:]) : arguments
        let subject = "MCP server '\(call.server)'"
        let timeout = timeLeft(limit(of: step)).map { min($0, command.timeout) } ?? command.timeout
        sessions.lock()
        defer { sessions.unlock() }
        let answer: (text: String, isError: Bool)
        do {
            let deadline = ContinuousClock.now + timeout
            let client = try sessions.client(call.server, command, timeout: timeout)
            answer = try client.callTool(tool, arguments: argumentsObject, deadline: deadline, timeout: timeout)
        } catch {
            if error.interrupted { throw StepFailure.interrupted }
            // A refused call (an unknown tool, bad arguments) leaves the server usable.
            if error.kind == .broken { sessions.abandonClient(call.server, because: "it " + error.message) }
            throw StepFailure(.agent, "\(subject) \(error.message)", quoting: error.detail)
        }
        result.outcome = answer.text
        if answer.isError { throw StepFailure(.agent, "tool '\(tool)' on \(subject) reported an error", quoting: ": " + answer.text) }
    }

    /// Renders a parameter tree: every template rendered to its value.
    func render(_ tree: ParameterTree) throws(StepFailure) -> Value {
        switch tree {
        case .literal(let value): return value
        case .template(let field): return try render(field)
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try render(item)) }
            return .list(values)
        case .mapping(let pairs):
            var fields: [String: Value] = [:]
            for (key, value) in pairs { fields[key] = try render(value) }
            return .mapping(fields)
        }
    }
}
