import ProcrunText

/// One reply of an executor, read from a line of its standard output (see grammar.md, Executors).
package struct ExecutorReply: Sendable, Equatable {
    /// Whether the action succeeded.
    package var success: Bool
    /// What the action produced: the step's outcome.
    package var outcome: String
    /// Why it failed, when it did.
    package var error: String?

    /// Creates a reply.
    package init(success: Bool, outcome: String, error: String? = nil) {
        self.success = success
        self.outcome = outcome
        self.error = error
    }

    /// Reads a reply line for request `id`; the error says what was wrong with it.
    package static func parse(_ line: String, id: Int) -> Result<ExecutorReply, ExecutorProtocolError> {
        guard let value = Value(jsonText: line), case .mapping(let fields) = value else {
            return .failure(ExecutorProtocolError("expected a JSON object", detail: ", found '\(line.excerpt(80))'"))
        }
        guard case .integer(let answered)? = fields["id"] else {
            return .failure(ExecutorProtocolError("expected an integer 'id' in the reply", detail: ", found '\(line.excerpt(80))'"))
        }
        guard answered == id else { return .failure(ExecutorProtocolError("expected a reply to request \(id), found one to request \(answered)")) }
        let success: Bool
        switch fields["status"] {
        case .string("success")?: success = true
        case .string("failed")?: success = false
        default: return .failure(ExecutorProtocolError("expected 'status' to be \"success\" or \"failed\" in the reply", detail: ", found '\(line.excerpt(80))'"))
        }
        var reply = ExecutorReply(success: success, outcome: "")
        switch fields["outcome"] {
        case nil, .null?: break
        case .string(let text)?: reply.outcome = text
        case let other?: reply.outcome = other.jsonText
        }
        switch fields["error"] {
        case nil, .null?: break
        case .string(let text)?: reply.error = text
        case let other?: reply.error = other.jsonText
        }
        return .success(reply)
    }
}
