/// The final response to an HTTP request, whatever its status.
package struct HTTPResponse: Sendable {
    /// The status code, like 200 or 404.
    package var status: Int
    /// The headers in the order received; names as sent, values trimmed.
    package var headers: [(name: String, value: String)]
    /// The body, at most `HTTPClient.maxBodyBytes` of it.
    package var body: [UInt8]
    /// How many body bytes arrived beyond `HTTPClient.maxBodyBytes` and were not kept.
    package var discardedBodyBytes: Int

    /// Creates a response.
    package init(
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
    package var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The value of the first header with this name, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
