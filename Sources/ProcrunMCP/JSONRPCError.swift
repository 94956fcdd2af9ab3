import ProcrunKit

/// A JSON-RPC error the transport answers itself, for a line the SDK never sees: one that is not
/// JSON, is too long, or is not a request the SDK can answer with the id it was sent with.
/// Every message is declared here.
struct JSONRPCError {
    /// The JSON-RPC error code: -32700 (parse error) or -32600 (invalid request).
    var code: Int
    /// The lowercase message.
    var message: String

    /// A line that is not JSON.
    static func notJSON(_ failure: JSONParser.Failure) -> JSONRPCError {
        JSONRPCError(code: -32700, message: "parse error at column \(failure.column): \(failure.message)")
    }

    /// A line that is JSON, but JSON procrun does not read (a lone surrogate, a number beyond a
    /// double's range, nesting deeper than 64 levels).
    static func unreadable(_ failure: JSONParser.Failure) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "invalid request at column \(failure.column): \(failure.message)")
    }

    /// A line longer than `limit` bytes, of `size` bytes.
    static func tooLarge(size: Int, limit: Int) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "message too large: expected at most \(limit) bytes (16 MiB), found \(size)")
    }

    /// A value that is not a request object (nor a batch of them).
    static func notAnObject(_ found: JSONValue) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "invalid request: expected a JSON-RPC object, found \(found.kindDescription)")
    }

    /// An empty batch.
    static let emptyBatch = JSONRPCError(code: -32600, message: "invalid request: expected at least one message in a batch, found none")

    /// An id that JSON-RPC does not allow (only a string or a number may be one).
    static func badID(_ found: JSONValue) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "invalid request: expected a string or a number as 'id', found \(found.kindDescription)")
    }

    /// An object that is neither a request, a notification nor a response.
    static func noMethod(_ found: JSONValue?) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "invalid request: expected a string 'method', found \(found?.kindDescription ?? "none")")
    }

    /// The whole reply line (without its newline) answering the request whose id was written as
    /// `id` (`null` when it is not known or not allowed).
    func reply(id: ArraySlice<UInt8> = ArraySlice("null".utf8)) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("jsonrpc", "2.0")
        writer.raw("id", String(decoding: id, as: UTF8.self))
        writer.beginObject("error")
        writer.integer("code", code)
        writer.string("message", message)
        writer.endObject()
        writer.endObject()
        return Array(writer.text.utf8)
    }
}
