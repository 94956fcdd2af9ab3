/// A synchronous HTTP/1.1 client for `http://` URLs, over POSIX sockets.
package enum HTTPClient {
    /// The most body bytes a response keeps (8 MiB); the rest is counted in `discardedBodyBytes`.
    package static let maxBodyBytes = 8 << 20

    /// The timeout when a request has none.
    package static let defaultTimeout = Duration.seconds(30)

    /// Whether the URL is `https://`, which `send` does not handle: the caller fetches it with curl.
    package static func needsCurl(_ url: String) -> Bool {
        url.utf8.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } == Array("https://".utf8)
    }

    /// Sends the request and returns the final response, whatever its status.
    ///
    /// Throws for a bad URL, method or header, an unreachable host, a malformed response, or
    /// when the whole exchange takes longer than the request's timeout.
    package static func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let url = try HTTPURL.parse(request.url)
        if url.isSecure {
            throw HTTPError("https urls are fetched with curl, not the built-in client: '\(HTTPError.escaped(request.url))'")
        }
        let method = try request.validatedMethod()
        var bytes = try request.encodedHead(for: url, method: method)
        if let body = request.body { bytes += body }
        let deadline = HTTPDeadline(timeout: request.timeout ?? defaultTimeout)
        let socket = try HTTPSocket.connect(to: url, deadline: deadline)
        let delivered = try socket.send(bytes)
        var reader = HTTPResponseReader(socket: socket)
        do {
            return try reader.readResponse(method: method, maxBodyBytes: maxBodyBytes)
        } catch {
            // A server may answer (413, say) and close before taking the whole request; that answer wins.
            guard delivered else {
                throw HTTPError("connection closed by \(url.endpoint) while the request was being sent")
            }
            throw error
        }
    }
}
