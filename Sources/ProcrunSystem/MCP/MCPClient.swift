package import ProcrunText

/// A minimal MCP client over standard input and output, for `action: mcp` steps: it starts the
/// server, performs the `initialize` handshake, and calls tools (JSON-RPC 2.0, one message a line).
///
/// It is written on ``LineChannel`` rather than the MCP SDK so that ProcrunKit stays synchronous
/// and free of the SDK; `procrun mcp` (the server side) uses the SDK.
package final class MCPClient {
    /// The protocol revision procrun asks for.
    package static let protocolVersion = "2025-06-18"

    /// How the server was configured.
    package let command: ExternalCommand
    private let channel: LineChannel
    private var nextID = 1

    /// Starts the server, with `environment` added to procrun's own (the `env` and `dotenv`
    /// variables of the procedure whose step starts it), and completes the handshake within
    /// `timeout` (the server's own by default).
    package init(_ command: ExternalCommand, timeout: Duration? = nil, environment: [(String, String)] = []) throws(ExternalFailure) {
        let limit = timeout ?? command.timeout
        self.command = command
        do {
            channel = try LineChannel(arguments: command.arguments, workingDirectory: command.workingDirectory, environment: environment)
        } catch {
            throw ExternalFailure(error.phrase)
        }
        let parameters: Value = .mapping([
            "protocolVersion": .string(Self.protocolVersion), "capabilities": .mapping([:]),
            "clientInfo": .mapping(["name": .string("procrun"), "version": .string(ProcrunVersion.current)]),
        ])
        _ = try request("initialize", parameters, deadline: ContinuousClock.now + limit, timeout: limit)
        try send(.mapping(["jsonrpc": .string("2.0"), "method": .string("notifications/initialized")]), deadline: ContinuousClock.now + limit)
    }

    /// Calls `tool` with `arguments` before `deadline`; the reply's text content and whether the tool
    /// reported an error. `timeout` is the limit messages name.
    package func callTool(
        _ tool: String, arguments: Value, deadline: ContinuousClock.Instant, timeout: Duration
    ) throws(ExternalFailure) -> (text: String, isError: Bool) {
        let result = try request("tools/call", .mapping(["name": .string(tool), "arguments": arguments]), deadline: deadline, timeout: timeout)
        guard case .mapping(let fields) = result else { throw ExternalFailure("answered garbage: expected a result object for tools/call") }
        var texts: [String] = []
        if case .list(let items)? = fields["content"] {
            for item in items {
                if case .mapping(let content) = item, case .string("text")? = content["type"], case .string(let text)? = content["text"] {
                    texts.append(text)
                } else {
                    texts.append(item.jsonText)
                }
            }
        }
        if texts.isEmpty, let structured = fields["structuredContent"] { texts.append(structured.jsonText) }
        let isError = fields["isError"] == .boolean(true)
        return (texts.joined(separator: "\n"), isError)
    }

    /// Sends a request and waits for its response, answering what the server asks in between.
    private func request(_ method: String, _ parameters: Value, deadline: ContinuousClock.Instant, timeout: Duration) throws(ExternalFailure) -> Value {
        let id = nextID
        nextID += 1
        try send(.mapping(["jsonrpc": .string("2.0"), "id": .integer(id), "method": .string(method), "params": parameters]), deadline: deadline)
        while true {
            let line: String
            do {
                line = try channel.receive(deadline: deadline)
            } catch {
                throw Self.failure(error, timeout: timeout)
            }
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            guard let message = Value(jsonText: line), case .mapping(let fields) = message else {
                throw ExternalFailure("answered garbage: expected a JSON-RPC message", detail: ", found '\(line.excerpt(80))'")
            }
            if fields["method"] != nil {
                // A request of the server's own (ping, roots, sampling): ping is answered, the rest refused.
                if let asked = fields["id"] {
                    let reply: Value =
                        fields["method"] == .string("ping")
                        ? .mapping(["jsonrpc": .string("2.0"), "id": asked, "result": .mapping([:])])
                        : .mapping(["jsonrpc": .string("2.0"), "id": asked, "error": .mapping(["code": .integer(-32601), "message": .string("procrun does not offer this")])])
                    try send(reply, deadline: deadline)
                }
                continue
            }
            guard fields["id"] == .integer(id) else { continue }
            if case .mapping(let error)? = fields["error"] {
                let text = error["message"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "unknown error"
                throw ExternalFailure("refused \(method)", detail: ": \(text)", kind: .refused)
            }
            guard let result = fields["result"] else { throw ExternalFailure("answered garbage: a response to \(method) without 'result' or 'error'") }
            return result
        }
    }

    private func send(_ message: Value, deadline: ContinuousClock.Instant) throws(ExternalFailure) {
        do {
            try channel.send(message.jsonText, deadline: deadline)
        } catch {
            throw Self.failure(error, timeout: nil)
        }
    }

    private static func failure(_ error: LineChannelError, timeout: Duration?) -> ExternalFailure {
        switch error {
        case .timedOut: ExternalFailure("did not answer within \(timeout?.shortDescription ?? "its timeout")")
        case .interrupted: ExternalFailure(Interrupts.message, interrupted: true)
        default: ExternalFailure(error.phrase)
        }
    }

    /// Closes its standard input and ends it if it does not leave within `grace`.
    package func stop(grace: Duration = .seconds(1)) {
        channel.close(grace: grace)
    }
}
