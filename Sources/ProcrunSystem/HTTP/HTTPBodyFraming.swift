/// How the end of a response body is found (RFC 9112 section 6.3).
enum HTTPBodyFraming: Equatable {
    /// No body, whatever the headers say.
    case none
    /// Exactly this many bytes.
    case length(Int)
    /// Chunked transfer coding.
    case chunked
    /// Everything until the server closes the connection.
    case untilClose

    /// The framing of a response to `method` with this status and these headers.
    static func of(
        status: Int, method: String, headers: [(name: String, value: String)], endpoint: String
    ) throws(HTTPError) -> HTTPBodyFraming {
        if method == "HEAD" || (100...199).contains(status) || status == 204 || status == 304 {
            return .none
        }
        let codings = values(of: "transfer-encoding", in: headers).map { $0.lowercased() }
        if let last = codings.last {
            return last == "chunked" ? .chunked : .untilClose
        }
        let lengths = values(of: "content-length", in: headers)
        guard let first = lengths.first else { return .untilClose }
        guard lengths.allSatisfy({ $0 == first }), first.utf8.count <= 18,
              first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(first)
        else {
            let found = HTTPError.escaped(lengths.joined(separator: ", "))
            throw HTTPError("invalid response from \(endpoint): expected one content-length number, found '\(found)'")
        }
        return .length(length)
    }

    /// The comma-separated elements of every header with this lower-case name.
    private static func values(of name: String, in headers: [(name: String, value: String)]) -> [String] {
        headers.filter { $0.name.lowercased() == name }
            .flatMap { $0.value.split(separator: ",") }
            .map(trimmed)
            .filter { !$0.isEmpty }
    }

    private static func trimmed(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
