@testable import ProcrunKit
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// Exchanges with an in-process server on 127.0.0.1; no other address is contacted.
@Suite struct HTTPClientTests {
    private static func echo(_ request: [UInt8]) -> [UInt8] {
        HTTPTestServer.response(headers: ["Content-Type: text/plain"], body: request)
    }

    @Test func getReturnsStatusHeadersAndBody() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            HTTPTestServer.response(headers: ["Content-Type: text/plain", "X-Trace:  abc  "], body: Array("hello".utf8))
        })
        let response = try HTTPClient.send(HTTPRequest(url: server.url("/greeting")))
        server.join()
        #expect(response.status == 200)
        #expect(response.bodyText == "hello")
        #expect(response.header("content-type") == "text/plain")
        #expect(response.header("X-TRACE") == "abc")
        #expect(response.discardedBodyBytes == 0)
    }

    @Test func sendsRequestLineDefaultHeadersAndBody() throws {
        let server = try #require(HTTPTestServer(connections: 1, handler: Self.echo))
        let request = HTTPRequest(
            method: "post", url: server.url("/items?id=7#frag"),
            headers: [("X-Custom", "yes"), ("Content-Type", "application/json")],
            body: Array(#"{"a":1}"#.utf8))
        let echoed = try HTTPClient.send(request).bodyText
        server.join()
        #expect(echoed.hasPrefix("POST /items?id=7 HTTP/1.1\r\n"))
        #expect(echoed.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(echoed.contains("\r\nUser-Agent: procrun\r\n"))
        #expect(echoed.contains("\r\nConnection: close\r\n"))
        #expect(echoed.contains("\r\nContent-Length: 7\r\n"))
        #expect(echoed.contains("\r\nX-Custom: yes\r\n"))
        #expect(echoed.contains("\r\nContent-Type: application/json\r\n"))
        #expect(echoed.hasSuffix("\r\n\r\n{\"a\":1}"))
    }

    @Test func userHeaderReplacesDefaultOfSameName() throws {
        let server = try #require(HTTPTestServer(connections: 1, handler: Self.echo))
        let request = HTTPRequest(url: server.url(), headers: [("user-agent", "tester/1"), ("Host", "example.test")])
        let echoed = try HTTPClient.send(request).bodyText
        server.join()
        #expect(echoed.contains("\r\nuser-agent: tester/1\r\n"))
        #expect(!echoed.contains("procrun"))
        #expect(echoed.contains("\r\nHost: example.test\r\n"))
        #expect(!echoed.contains("Content-Length"))
    }

    @Test func readsChunkedBodyWithExtensionsAndTrailers() throws {
        let raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=x\r\nhello\r\n7\r\n, world\r\nA\r\n0123456789\r\n0\r\nX-Checksum: 1\r\n\r\n"
        let server = try #require(HTTPTestServer(connections: 1) { _ in Array(raw.utf8) })
        let response = try HTTPClient.send(HTTPRequest(url: server.url()))
        server.join()
        #expect(response.bodyText == "hello, world0123456789")
    }

    @Test func readsBodyUntilCloseWithoutLength() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            Array("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it".utf8)
        })
        let response = try HTTPClient.send(HTTPRequest(url: server.url()))
        server.join()
        #expect(response.bodyText == "all of it")
    }

    @Test func errorStatusIsReturnedNotThrown() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            HTTPTestServer.response("404 Not Found", body: Array("no such page".utf8))
        })
        let response = try HTTPClient.send(HTTPRequest(url: server.url("/missing")))
        server.join()
        #expect(response.status == 404)
        #expect(response.bodyText == "no such page")
    }

    @Test func skipsInterimContinueResponse() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            Array("HTTP/1.1 100 Continue\r\n\r\n".utf8) + HTTPTestServer.response("201 Created", body: Array("made".utf8))
        })
        let response = try HTTPClient.send(HTTPRequest(method: "PUT", url: server.url(), body: Array("x".utf8)))
        server.join()
        #expect(response.status == 201)
        #expect(response.bodyText == "made")
    }

    @Test func headResponseHasNoBodyDespiteContentLength() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".utf8)
        })
        let response = try HTTPClient.send(HTTPRequest(method: "HEAD", url: server.url(), timeout: .seconds(3)))
        server.join()
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test func capsKeptBodyAndCountsTheRest() throws {
        let size = HTTPClient.maxBodyBytes + 1000
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            HTTPTestServer.response(body: [UInt8](repeating: UInt8(ascii: "a"), count: size))
        })
        let response = try HTTPClient.send(HTTPRequest(url: server.url()))
        server.join()
        #expect(response.body.count == HTTPClient.maxBodyBytes)
        #expect(response.discardedBodyBytes == 1000)
    }

    @Test func truncatedBodyIsAnError() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in
            Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8)
        })
        let error = #expect(throws: HTTPError.self) { try HTTPClient.send(HTTPRequest(url: server.url())) }
        server.join()
        #expect(error?.message == "connection closed by 127.0.0.1:\(server.port) after 3 of 10 body bytes")
    }

    @Test func garbageStatusLineIsAnError() throws {
        let server = try #require(HTTPTestServer(connections: 1) { _ in Array("SSH-2.0-OpenSSH\r\n\r\n".utf8) })
        let error = #expect(throws: HTTPError.self) { try HTTPClient.send(HTTPRequest(url: server.url())) }
        server.join()
        #expect(error?.message.contains("expected a status line like 'HTTP/1.1 200 OK', found 'SSH-2.0-OpenSSH'") == true)
    }

    @Test func worksOverIPv6Loopback() throws {
        // Skipped where the machine has no ::1.
        guard let server = HTTPTestServer(connections: 1, ipv6: true, handler: Self.echo) else { return }
        let echoed = try HTTPClient.send(HTTPRequest(url: server.url("/six"))).bodyText
        server.join()
        #expect(echoed.contains("\r\nHost: [::1]:\(server.port)\r\n"))
    }

    @Test func refusedConnectionNamesTheEndpoint() throws {
        let closed = try #require(HTTPTestServer.refusing())
        let error = #expect(throws: HTTPError.self) { try HTTPClient.send(HTTPRequest(url: closed.url())) }
        #expect(error?.message == "could not connect to 127.0.0.1:\(closed.port): connection refused")
    }

    @Test func timesOutWhenServerNeverAnswers() throws {
        let silent = try #require(HTTPTestServer.silent())
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: HTTPError.self) {
            try HTTPClient.send(HTTPRequest(url: silent.url(), timeout: .milliseconds(300)))
        }
        let elapsed = clock.now - started
        #expect(error?.message == "timed out after 300ms")
        #expect(elapsed >= .milliseconds(290) && elapsed < .seconds(3))
    }

    @Test(arguments: [
        (("X-Evil", "a\r\nInjected: 1"), "invalid value for header 'X-Evil': line breaks (cr, lf) are not allowed"),
        (("X-Evil", "a\nb"), "invalid value for header 'X-Evil': line breaks (cr, lf) are not allowed"),
        (("X-Evil\r\nInjected", "1"), "invalid header name 'X-Evil\\r\\nInjected': line breaks (cr, lf) are not allowed"),
        (("Bad Name", "1"), "invalid header name 'Bad Name': expected letters, digits and - such as 'X-Request-Id'"),
        (("", "1"), "invalid header name '': expected letters, digits and - such as 'X-Request-Id'"),
        (("X-Null", "a\u{0}b"), "invalid value for header 'X-Null': control characters are not allowed"),
    ])
    func rejectsHeaderInjection(header: (String, String), message: String) throws {
        // Validation happens before connecting; were it skipped, this port would refuse.
        let closed = try #require(HTTPTestServer.refusing())
        let error = #expect(throws: HTTPError.self) {
            try HTTPClient.send(HTTPRequest(url: closed.url(), headers: [header]))
        }
        #expect(error?.message == message)
    }

    @Test func rejectsBadMethod() throws {
        let closed = try #require(HTTPTestServer.refusing())
        let error = #expect(throws: HTTPError.self) {
            try HTTPClient.send(HTTPRequest(method: "GET / HTTP/1.0\r\n", url: closed.url()))
        }
        #expect(error?.message == "invalid method 'GET / HTTP/1.0\\r\\n': expected a word such as GET or POST")
    }

    @Test func httpsIsLeftToCurl() {
        #expect(HTTPClient.needsCurl("https://example.com/"))
        #expect(HTTPClient.needsCurl("HTTPS://example.com"))
        #expect(!HTTPClient.needsCurl("http://example.com/"))
        #expect(!HTTPClient.needsCurl("ftp://example.com/"))
        let error = #expect(throws: HTTPError.self) { try HTTPClient.send(HTTPRequest(url: "https://127.0.0.1:1/")) }
        #expect(error?.message == "https urls are fetched with curl, not the built-in client: 'https://127.0.0.1:1/'")
    }
}
