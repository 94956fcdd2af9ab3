import Glibc

/// A tiny HTTP server on the loopback interface for tests: it serves a fixed number of
/// connections on its own thread, one at a time, then stops; it waits at most 5 s for each.
final class HTTPTestServer: @unchecked Sendable {
    /// Gets the raw request (head and Content-Length body) and returns the raw response bytes.
    typealias Handler = @Sendable (_ request: [UInt8]) -> [UInt8]

    let port: Int
    let host: String
    private let descriptor: Int32
    private let connections: Int
    private let handler: Handler
    private var thread = pthread_t()
    private var started = false

    /// A server answering `connections` requests with `handler`; nil when the socket cannot be set up.
    convenience init?(connections: Int, ipv6: Bool = false, handler: @escaping Handler) {
        self.init(listening: true, connections: connections, ipv6: ipv6, handler: handler)
        guard connections > 0 else { return }
        let context = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<HTTPTestServer>.fromOpaque(raw).takeRetainedValue().serve()
            return nil
        }, context) == 0
        if !started { Unmanaged<HTTPTestServer>.fromOpaque(context).release() }
    }

    /// A server that accepts connections in the kernel but never reads or answers.
    static func silent() -> HTTPTestServer? {
        HTTPTestServer(listening: true, connections: 0, ipv6: false) { _ in [] }
    }

    /// A bound port with no listener: connecting to it is refused.
    static func refusing() -> HTTPTestServer? {
        HTTPTestServer(listening: false, connections: 0, ipv6: false) { _ in [] }
    }

    private init?(listening: Bool, connections: Int, ipv6: Bool, handler: @escaping Handler) {
        let family = ipv6 ? AF_INET6 : AF_INET
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        guard let port = Self.bindLoopback(descriptor, ipv6: ipv6), !listening || listen(descriptor, 16) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.port = port
        self.host = ipv6 ? "[::1]" : "127.0.0.1"
        self.connections = connections
        self.handler = handler
    }

    deinit {
        close(descriptor)
    }

    /// The URL of `path` on this server.
    func url(_ path: String = "/") -> String {
        "http://\(host):\(port)\(path)"
    }

    /// Waits for the serving thread to finish.
    func join() {
        guard started else { return }
        started = false
        pthread_join(thread, nil)
    }

    /// A response with a Content-Length body.
    static func response(_ statusLine: String = "200 OK", headers: [String] = [], body: [UInt8]) -> [UInt8] {
        let head = (["HTTP/1.1 \(statusLine)", "Content-Length: \(body.count)"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func bindLoopback(_ descriptor: Int32, ipv6: Bool) -> Int? {
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_addr = in6addr_loopback
            var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            let ok = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            return ok ? Int(UInt16(bigEndian: address.sin6_port)) : nil
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        return ok ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    private func serve() {
        for _ in 0..<connections {
            guard Self.waitReadable(descriptor) else { return }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            if let request = Self.readRequest(client) {
                Self.writeAll(client, handler(request))
            }
            close(client)
        }
    }

    private static func waitReadable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 5000) > 0
    }

    /// Reads the head, then as many body bytes as its Content-Length says.
    private static func readRequest(_ client: Int32) -> [UInt8]? {
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        while expected.map({ request.count < $0 }) ?? true {
            guard waitReadable(client) else { return nil }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return expected == nil ? nil : request }
            request += chunk[0..<count]
            if expected == nil, let end = headEnd(request) {
                expected = end + contentLength(String(decoding: request[..<end], as: UTF8.self))
            }
        }
        return request
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        let marker: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where Array(bytes[index..<(index + 4)]) == marker {
            return index + 4
        }
        return nil
    }

    private static func contentLength(_ head: String) -> Int {
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            return Int(line.dropFirst("content-length:".count).trimmingPrefix(" ")) ?? 0
        }
        return 0
    }

    private static func writeAll(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(client, $0.baseAddress?.advanced(by: offset), $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}
