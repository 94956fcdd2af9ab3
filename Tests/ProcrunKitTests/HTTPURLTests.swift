@testable import ProcrunKit
@testable import ProcrunSystem
import Testing

@Suite struct HTTPURLTests {
    @Test func parsesHostPortAndTarget() throws {
        let url = try HTTPURL.parse("http://Example.com:8080/a/b?x=1&y=2#top")
        #expect(url == HTTPURL(isSecure: false, host: "Example.com", isIPv6Literal: false, port: 8080, target: "/a/b?x=1&y=2"))
        #expect(url.hostHeader == "Example.com:8080")
        #expect(url.endpoint == "Example.com:8080")
    }

    @Test func defaultsPortAndPath() throws {
        let plain = try HTTPURL.parse("HTTP://127.0.0.1")
        #expect(plain.port == 80)
        #expect(plain.target == "/")
        #expect(plain.hostHeader == "127.0.0.1")
        #expect(plain.endpoint == "127.0.0.1:80")
        #expect(try HTTPURL.parse("http://h?q=1").target == "/?q=1")
        #expect(try HTTPURL.parse("http://h:/p").port == 80)
        #expect(try HTTPURL.parse("https://h/").port == 443)
    }

    @Test func parsesBracketedIPv6() throws {
        let url = try HTTPURL.parse("http://[::1]:9000/x")
        #expect(url.host == "::1")
        #expect(url.isIPv6Literal)
        #expect(url.hostHeader == "[::1]:9000")
        let zoned = try HTTPURL.parse("http://[fe80::1%25eth0]/")
        #expect(zoned.host == "fe80::1%eth0")
        #expect(zoned.hostHeader == "[fe80::1%25eth0]")
    }

    @Test func percentEncodesNonASCIIInTarget() throws {
        #expect(try HTTPURL.parse("http://h/caf\u{E9}").target == "/caf%C3%A9")
    }

    @Test(arguments: [
        ("htp://x", "invalid url 'htp://x': expected http:// or https://"),
        ("example.com", "invalid url 'example.com': expected http:// or https://"),
        ("", "invalid url '': expected http:// or https://"),
        ("http://a b/", "invalid url 'http://a b/': spaces and control characters are not allowed (percent-encode a space as %20)"),
        ("http://h/\n", "invalid url 'http://h/\\n': spaces and control characters are not allowed (percent-encode a space as %20)"),
        ("http://user:pw@h/", "invalid url 'http://user:pw@h/': user info (user@host) is not supported; send credentials in an authorization header"),
        ("http:///path", "invalid url 'http:///path': expected a host after 'http://'"),
        ("http://h:0/", "invalid url 'http://h:0/': expected a port from 1 to 65535, found '0'"),
        ("http://h:65536/", "invalid url 'http://h:65536/': expected a port from 1 to 65535, found '65536'"),
        ("http://h:8o/", "invalid url 'http://h:8o/': expected a port from 1 to 65535, found '8o'"),
        ("http://h:-1/", "invalid url 'http://h:-1/': expected a port from 1 to 65535, found '-1'"),
        ("http://[::1/", "invalid url 'http://[::1/': expected ']' after the ipv6 address"),
        ("http://[zz]/", "invalid url 'http://[zz]/': expected an ipv6 address in brackets, found 'zz'"),
        ("http://[::1]x/", "invalid url 'http://[::1]x/': expected ':' and a port after ']', found 'x'"),
        ("http://h\u{E9}/", "invalid url 'http://h\u{E9}/': expected a host name or address, found 'h\u{E9}'"),
        ("http://:80/", "invalid url 'http://:80/': expected a host name or address, found ''"),
    ])
    func rejectsBadURLs(text: String, message: String) {
        let error = #expect(throws: HTTPError.self) { try HTTPURL.parse(text) }
        #expect(error?.message == message)
    }

    @Test func sendRejectsBadURLBeforeConnecting() {
        let error = #expect(throws: HTTPError.self) { try HTTPClient.send(HTTPRequest(url: "htp://x")) }
        #expect(error?.message == "invalid url 'htp://x': expected http:// or https://")
    }
}
