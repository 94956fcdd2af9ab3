/// An HTTP request for `HTTPClient.send`.
package struct HTTPRequest: Sendable {
    /// The method, like `GET` or `POST` (sent upper-cased).
    package var method: String
    /// The `http://` URL.
    package var url: String
    /// Extra headers, sent in order; one named like a default header (`Host`, `User-Agent`,
    /// `Connection`, `Content-Length`) replaces it.
    package var headers: [(String, String)]
    /// The body; when present it is sent with a `Content-Length` header.
    package var body: [UInt8]?
    /// The limit for the whole exchange; 30 seconds when nil.
    package var timeout: Duration?

    /// Creates a request.
    package init(
        method: String = "GET",
        url: String,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
