/// Reads an HTTP/1.x response from a socket, buffering what arrives.
struct HTTPResponseReader {
    /// The most bytes the status line and headers of one response may take.
    static let maxHeaderBytes = 1 << 20

    let socket: HTTPSocket
    var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` begin.
    var start = 0
    private var chunk = [UInt8](repeating: 0, count: 65536)

    init(socket: HTTPSocket) {
        self.socket = socket
    }

    var endpoint: String { socket.endpoint }

    /// Unread bytes in the buffer.
    var available: Int { buffer.count - start }

    /// Skips interim (1xx) responses and reads the final one.
    mutating func readResponse(method: String, maxBodyBytes: Int) throws(HTTPError) -> HTTPResponse {
        while true {
            let status = try readStatusLine()
            let headers = try readHeaders()
            if (100...199).contains(status) && status != 101 { continue }
            let framing = try HTTPBodyFraming.of(status: status, method: method, headers: headers, endpoint: endpoint)
            var sink = HTTPBodySink(cap: maxBodyBytes)
            try readBody(framing, into: &sink)
            return HTTPResponse(status: status, headers: headers, body: sink.kept, discardedBodyBytes: sink.discarded)
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    mutating func fill() throws(HTTPError) -> Bool {
        if start >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 65536 {
            buffer.removeFirst(start)
            start = 0
        }
        let count = try socket.receive(into: &chunk)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// The next line without its CR LF (a bare LF is accepted); nil when the stream ends first.
    mutating func readLine(limit: Int) throws(HTTPError) -> [UInt8]? {
        var searched = 0
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            searched = available
            if searched > limit {
                throw HTTPError("invalid response from \(endpoint): a header line is longer than \(limit) bytes")
            }
            guard try fill() else { return nil }
        }
    }

    private mutating func readStatusLine() throws(HTTPError) -> Int {
        var line: [UInt8] = []
        var blankLines = 0
        while line.isEmpty && blankLines < 8 {
            guard let next = try readLine(limit: 8192) else {
                throw HTTPError("connection closed by \(endpoint) before a response arrived")
            }
            line = next
            blankLines += 1
        }
        let digits = line.drop { $0 != 0x20 }.dropFirst().prefix(3)
        let afterDigits = line.drop { $0 != 0x20 }.dropFirst().dropFirst(3).first
        guard line.starts(with: Array("HTTP/".utf8)), digits.count == 3,
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), afterDigits == nil || afterDigits == 0x20,
              let status = Int(String(decoding: digits, as: UTF8.self))
        else {
            let found = HTTPError.quoted(line)
            throw HTTPError("invalid response from \(endpoint): expected a status line like 'HTTP/1.1 200 OK', found '\(found)'")
        }
        return status
    }

    /// Header lines up to the blank line; obsolete folded lines are joined, lines without a colon ignored.
    private mutating func readHeaders() throws(HTTPError) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        var total = 0
        while true {
            guard let line = try readLine(limit: Self.maxHeaderBytes) else {
                throw HTTPError("connection closed by \(endpoint) in the middle of the response headers")
            }
            if line.isEmpty { return headers }
            total += line.count
            guard total <= Self.maxHeaderBytes else {
                throw HTTPError("invalid response from \(endpoint): the headers are larger than \(Self.maxHeaderBytes) bytes")
            }
            if line.first == 0x20 || line.first == 0x09, let last = headers.indices.last {
                headers[last].value += " " + Self.trimmed(line[...])
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { continue }
            headers.append((Self.trimmed(line[..<colon]), Self.trimmed(line[(colon + 1)...])))
        }
    }

    /// Bytes without surrounding spaces and tabs, decoded as lossy UTF-8.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let first = bytes.firstIndex { !isBlank($0) } ?? bytes.endIndex
        let last = bytes.lastIndex { !isBlank($0) }.map { $0 + 1 } ?? first
        return String(decoding: bytes[first..<max(first, last)], as: UTF8.self)
    }
}
