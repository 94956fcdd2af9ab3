/// An HTTP request for `HTTPClient.send`.
public struct HTTPRequest: Sendable {
    /// The method, like `GET` or `POST` (sent upper-cased).
    public var method: String
    /// The `http://` URL.
    public var url: String
    /// Extra headers, sent in order; one named like a default header (`Host`, `User-Agent`,
    /// `Connection`, `Content-Length`) replaces it.
    public var headers: [(String, String)]
    /// The body; when present it is sent with a `Content-Length` header.
    public var body: [UInt8]?
    /// The limit for the whole exchange; 30 seconds when nil.
    public var timeout: Duration?

    /// Creates a request.
    public init(
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
