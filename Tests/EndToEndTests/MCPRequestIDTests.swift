import ProcrunKit
import Testing

/// `procrun mcp` read as raw JSON-RPC lines: every request is answered, with its id exactly as it
/// was written; an id JSON-RPC does not allow, and a line that is not a request, get an error with
/// `id` null (grammar.md, MCP).
@Suite("the MCP server's request ids", .serialized)
struct MCPRequestIDTests {
    /// Sends the handshake and `lines` to `procrun mcp`, closes its input, and returns the lines it
    /// wrote (sorted: replies come in the order they are ready) but the reply to `initialize`.
    func replies(to lines: [String]) throws -> [String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        let input = (AgentFixture.mcpHandshake + lines).map { $0 + "\n" }.joined()
        let output = try ProcrunBinary.run(["mcp", "--library", folder.path], input: input)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stderr.isEmpty)
        let written = output.stdout.split(separator: "\n").map(String.init)
        #expect(written.filter { $0.hasPrefix(#"{"id":0,"jsonrpc":"2.0","result":{"capabilities":"#) }.count == 1, "\(written)")
        return written.filter { !$0.hasPrefix(#"{"id":0,"#) }.sorted()
    }

    @Test("a number id comes back as the same text: beyond 64 bits, 1e308, 1.5, -0, 2.50; a string id as written")
    func numbersAndStrings() throws {
        let ids = ["9223372036854775808", "18446744073709551616", "1e308", "1.5", "-0", "7", #""abc""#, #""\u0041\n""#, "-9223372036854775809"]
        let sent = ids.map { #"{"jsonrpc":"2.0","id":\#($0),"method":"ping"}"# } + [
            #"{"jsonrpc":"2.0","id":2.50,"method":"no/such"}"#,
            #"{"jsonrpc":"2.0","id":1e3,"method":"tools/call","params":{"name":"procedure_stats","arguments":{}}}"#,
        ]
        let expected = ids.map { #"{"id":\#($0),"jsonrpc":"2.0","result":{}}"# } + [
            #"{"error":{"code":-32601,"data":{"detail":"Unknown method: no/such"},"message":"Method not found: Unknown method: no/such"},"id":2.50,"jsonrpc":"2.0"}"#,
            #"{"id":1e3,"jsonrpc":"2.0","result":{"content":[{"text":"{\"procedures\":[]}","type":"text"}],"isError":false,"structuredContent":{"procedures":[]}}}"#,
        ]
        #expect(try replies(to: sent) == expected.sorted())
    }

    @Test("an object, array, boolean or null id, and a lone surrogate, get invalid request (-32600) with id null")
    func forbiddenIDs() throws {
        let sent = [
            #"{"jsonrpc":"2.0","id":{},"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":true,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":"\ud800","method":"ping"}"#,
        ]
        let found = ["an object", "an array", "a boolean", "null"]
        let expected = found.map { #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request: expected a string or a number as 'id', found \#($0)"}}"# } + [
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request at column 30: lone surrogate in \\u escape"}}"#
        ]
        #expect(try replies(to: sent) == expected.sorted())
    }

    @Test("a line that is not JSON gets parse error (-32700), one that is no request invalid request (-32600); notifications get nothing")
    func notRequests() throws {
        let sent = [
            #"{"jsonrpc":"2.0","id":8,"method":"ping""#,
            #"{"jsonrpc":"2.0","id":5}"#,
            "42",
            "[]",
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}"#,
            #"{"jsonrpc":"2.0","method":"no/such/notification"}"#,
        ]
        let expected = [
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error at column 40: expected ',' or '}', found the end of the line"}}"#,
            #"{"jsonrpc":"2.0","id":5,"error":{"code":-32600,"message":"invalid request: expected a string 'method', found none"}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request: expected a JSON-RPC object, found a number"}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request: expected at least one message in a batch, found none"}}"#,
        ]
        #expect(try replies(to: sent) == expected.sorted())
    }
}
