extension HTTPResponseReader {
    /// Reads the body framed as `framing` into the sink.
    mutating func readBody(_ framing: HTTPBodyFraming, into sink: inout HTTPBodySink) throws(HTTPError) {
        switch framing {
        case .none:
            return
        case .length(let length):
            let copied = try copy(length, into: &sink)
            guard copied == length else {
                throw HTTPError("connection closed by \(endpoint) after \(copied) of \(length) body bytes")
            }
        case .chunked:
            try readChunks(into: &sink)
        case .untilClose:
            _ = try copy(Int.max, into: &sink)
        }
    }

    /// Copies up to `count` bytes, fewer if the stream ends; returns how many.
    private mutating func copy(_ count: Int, into sink: inout HTTPBodySink) throws(HTTPError) -> Int {
        var left = count
        while left > 0 {
            if available == 0 {
                guard try fill() else { break }
            }
            let take = min(left, available)
            sink.append(buffer[start..<(start + take)])
            start += take
            left -= take
        }
        return count - left
    }

    private mutating func readChunks(into sink: inout HTTPBodySink) throws(HTTPError) {
        let closed = HTTPError("connection closed by \(endpoint) in the middle of a chunked body")
        while true {
            guard let line = try readLine(limit: 8192) else { throw closed }
            let sizeText = Self.trimmed(line[..<(line.firstIndex(of: UInt8(ascii: ";")) ?? line.endIndex)])
            guard !sizeText.isEmpty, sizeText.utf8.count <= 15, let size = Int(sizeText, radix: 16), size >= 0,
                  sizeText.utf8.allSatisfy({ UInt8(ascii: "+") != $0 && UInt8(ascii: "-") != $0 })
            else {
                throw HTTPError("invalid response from \(endpoint): expected a hexadecimal chunk size, found '\(HTTPError.quoted(line))'")
            }
            if size == 0 {
                try skipTrailers()
                return
            }
            guard try copy(size, into: &sink) == size else { throw closed }
            guard let end = try readLine(limit: 8192) else { throw closed }
            guard end.isEmpty else {
                throw HTTPError("invalid response from \(endpoint): expected a line break after a chunk, found '\(HTTPError.quoted(end))'")
            }
        }
    }

    /// Reads the trailer fields after the last chunk and ignores them; a missing final blank line is tolerated.
    private mutating func skipTrailers() throws(HTTPError) {
        var total = 0
        while let line = try readLine(limit: Self.maxHeaderBytes), !line.isEmpty {
            total += line.count
            guard total <= Self.maxHeaderBytes else {
                throw HTTPError("invalid response from \(endpoint): the trailers are larger than \(Self.maxHeaderBytes) bytes")
            }
        }
    }
}
