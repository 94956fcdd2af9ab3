import Glibc

/// A connected, non-blocking TCP socket whose every wait is bounded by a deadline.
final class HTTPSocket {
    private let descriptor: Int32
    private let deadline: HTTPDeadline
    /// `host:port`, for messages.
    let endpoint: String

    private init(descriptor: Int32, deadline: HTTPDeadline, endpoint: String) {
        self.descriptor = descriptor
        self.deadline = deadline
        self.endpoint = endpoint
    }

    deinit {
        close(descriptor)
    }

    /// Resolves the URL's host and connects to the first of its addresses that accepts.
    static func connect(to url: HTTPURL, deadline: HTTPDeadline) throws(HTTPError) -> HTTPSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(url.host, String(url.port), &hints, &list)
        guard status == 0, let list else {
            let reason = status == EAI_SYSTEM
                ? HTTPError.describe(errno: errno)
                : String(cString: gai_strerror(status)).lowercased()
            throw HTTPError("could not resolve host '\(url.host)': \(reason)")
        }
        defer { freeaddrinfo(list) }
        var lastError = ECONNREFUSED
        var node: UnsafeMutablePointer<addrinfo>? = list
        while let info = node?.pointee {
            node = info.ai_next
            switch try attempt(info, deadline: deadline) {
            case .success(let descriptor):
                return HTTPSocket(descriptor: descriptor, deadline: deadline, endpoint: url.endpoint)
            case .failure(let code):
                lastError = code
            }
        }
        throw HTTPError("could not connect to \(url.endpoint): \(HTTPError.describe(errno: lastError))")
    }

    private enum Attempt {
        case success(Int32)
        case failure(Int32)
    }

    /// Connects to one address; throws only when the deadline passes.
    private static func attempt(_ info: addrinfo, deadline: HTTPDeadline) throws(HTTPError) -> Attempt {
        let flags = Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let descriptor = socket(info.ai_family, info.ai_socktype | flags, info.ai_protocol)
        guard descriptor >= 0 else { return .failure(errno) }
        var code: Int32 = 0
        if Glibc.connect(descriptor, info.ai_addr, info.ai_addrlen) != 0 {
            code = errno
            if code == EINPROGRESS || code == EINTR {
                do {
                    try wait(descriptor, for: Int16(POLLOUT), deadline: deadline)
                } catch {
                    close(descriptor)
                    throw error
                }
                var length = socklen_t(MemoryLayout<Int32>.size)
                code = 0
                if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
            }
        }
        guard code == 0 else {
            close(descriptor)
            return .failure(code)
        }
        return .success(descriptor)
    }

    /// Waits until the descriptor is ready for `events`, or throws the timeout.
    private static func wait(_ descriptor: Int32, for events: Int16, deadline: HTTPDeadline) throws(HTTPError) {
        while true {
            let remaining = deadline.remainingMilliseconds()
            guard remaining > 0 else { throw deadline.error }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, remaining)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR {
                throw HTTPError("could not wait for the socket: \(HTTPError.describe(errno: errno))")
            }
        }
    }

    /// Sends all the bytes. Returns false when the peer closed the connection first.
    func send(_ bytes: [UInt8]) throws(HTTPError) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let (sent, code) = bytes.withUnsafeBytes { buffer in
                let count = Glibc.send(
                    descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset, Int32(MSG_NOSIGNAL))
                return (count, errno)
            }
            if sent >= 0 {
                offset += sent
            } else if code == EAGAIN || code == EWOULDBLOCK {
                try Self.wait(descriptor, for: Int16(POLLOUT), deadline: deadline)
            } else if code == EPIPE || code == ECONNRESET {
                return false
            } else if code != EINTR {
                throw HTTPError("could not send the request to \(endpoint): \(HTTPError.describe(errno: code))")
            }
        }
        return true
    }

    /// Receives up to `buffer.count` bytes into `buffer`; returns 0 at the end of the stream.
    func receive(into buffer: inout [UInt8]) throws(HTTPError) -> Int {
        while true {
            let (count, code) = buffer.withUnsafeMutableBytes { raw in
                let count = recv(descriptor, raw.baseAddress, raw.count, 0)
                return (count, errno)
            }
            if count >= 0 { return count }
            if code == EAGAIN || code == EWOULDBLOCK {
                try Self.wait(descriptor, for: Int16(POLLIN), deadline: deadline)
            } else if code != EINTR {
                throw HTTPError("could not read the response from \(endpoint): \(HTTPError.describe(errno: code))")
            }
        }
    }
}
