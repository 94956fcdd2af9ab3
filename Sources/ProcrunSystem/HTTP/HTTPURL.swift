/// A parsed `http://` or `https://` URL, reduced to what a request needs.
struct HTTPURL: Equatable, Sendable {
    /// True for `https://`.
    var isSecure: Bool
    /// The host without brackets, as given to `getaddrinfo` (an IPv6 zone `%25` is decoded to `%`).
    var host: String
    /// True when the host was written as `[IPv6]`.
    var isIPv6Literal: Bool
    /// The port, explicit or the scheme's default.
    var port: Int
    /// The request target: path and query, starting with `/`, without the fragment.
    var target: String

    /// The host as written in a URL: bracketed when it is an IPv6 address.
    var hostForURL: String {
        guard isIPv6Literal else { return host }
        return "[" + host.replacing("%", with: "%25") + "]"
    }

    /// `host:port`, for messages.
    var endpoint: String { hostForURL + ":" + String(port) }

    /// The `Host` header value: the port is left out when it is the scheme's default.
    var hostHeader: String {
        port == (isSecure ? 443 : 80) ? hostForURL : endpoint
    }
}
