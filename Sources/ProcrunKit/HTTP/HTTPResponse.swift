/// The final response to an HTTP request, whatever its status.
public struct HTTPResponse: Sendable {
    /// The status code, like 200 or 404.
    public var status: Int
    /// The headers in the order received; names as sent, values trimmed.
    public var headers: [(name: String, value: String)]
    /// The body, at most `HTTPClient.maxBodyBytes` of it.
    public var body: [UInt8]
    /// How many body bytes arrived beyond `HTTPClient.maxBodyBytes` and were not kept.
    public var discardedBodyBytes: Int

    /// Creates a response.
    public init(
        status: Int,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        discardedBodyBytes: Int = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.discardedBodyBytes = discardedBodyBytes
    }

    /// The body decoded as UTF-8, invalid sequences replaced by U+FFFD.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The value of the first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
