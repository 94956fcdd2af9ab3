import ProcrunKit

/// Reads each line before the SDK does, so that every request gets an answer with the id it was
/// sent with (see grammar.md, MCP): a request reaches the SDK with a stand-in id from
/// ``RequestIDs``; a line the SDK could not answer rightly is answered here.
struct RequestScreen {
    /// What to do with one line.
    enum Verdict {
        /// Hand these bytes to the SDK: the line, a request's id replaced by its stand-in.
        case forward([UInt8])
        /// Write this reply; the SDK never sees the line.
        case answer([UInt8])
        /// Nothing: a message that wants no answer and that the SDK must not act on.
        case drop
    }

    /// The stand-ins of the requests handed on.
    let ids: RequestIDs

    /// What to do with `line` (one message, without its newline).
    func verdict(on line: [UInt8]) -> Verdict {
        let message: JSONValue
        let members: [String: Range<Int>]
        do {
            (message, members) = try JSONParser.parseLocatingMembers(line)
        } catch {
            return .answer((error.kind == .syntax ? JSONRPCError.notJSON(error) : .unreadable(error)).reply())
        }
        switch message {
        case .object: break
        case .array(let items):
            // A batch goes to the SDK as it is (MCP 2025-06-18 has no batches; the SDK reads them).
            return items.isEmpty ? .answer(JSONRPCError.emptyBatch.reply()) : .forward(line)
        default: return .answer(JSONRPCError.notAnObject(message).reply())
        }
        let id = message["id"]
        let allowed: Bool
        switch id {
        case .string?, .number?: allowed = true
        default: allowed = false
        }
        // An error answers with the id as it was written, or null when it is not one JSON-RPC allows.
        let echoed = allowed ? line[members["id"]!] : ArraySlice("null".utf8)
        guard case .string(let method)? = message["method"] else {
            if message["result"] != nil || message["error"] != nil {
                // A response: the server sends no requests, so it answers nothing that the SDK waits for.
                return id == nil || allowed ? .forward(line) : .drop
            }
            return .answer(JSONRPCError.noMethod(message["method"]).reply(id: echoed))
        }
        guard let id, let idRange = members["id"] else {
            // procrun's tools run to their end once started, so a cancellation changes nothing; and
            // its request id names a client's request, which the SDK knows only by a stand-in.
            return method == "notifications/cancelled" ? .drop : .forward(line)
        }
        guard allowed else { return .answer(JSONRPCError.badID(id).reply(id: echoed)) }
        let standIn = ids.standIn(for: line[idRange])
        return .forward(Array(line[..<idRange.lowerBound]) + Array(String(standIn).utf8) + line[idRange.upperBound...])
    }
}
