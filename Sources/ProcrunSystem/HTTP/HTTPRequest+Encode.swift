extension HTTPRequest {
    /// The method upper-cased, checked to be an HTTP token.
    func validatedMethod() throws(HTTPError) -> String {
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else {
            throw HTTPError("invalid method '\(HTTPError.escaped(method))': expected a word such as GET or POST")
        }
        return method.uppercased()
    }

    /// The request line and headers, ending with the blank line.
    ///
    /// The defaults come first; a user header named like one replaces it in place.
    func encodedHead(for url: HTTPURL, method: String) throws(HTTPError) -> [UInt8] {
        var lines: [(name: String, value: String)] = [
            ("Host", url.hostHeader),
            ("User-Agent", "procrun"),
            ("Connection", "close"),
        ]
        if let body { lines.append(("Content-Length", String(body.count))) }
        var replaceable = Set(lines.map { $0.name.lowercased() })
        for (name, value) in headers {
            try Self.validate(name: name, value: value)
            let key = name.lowercased()
            if replaceable.remove(key) != nil, let index = lines.firstIndex(where: { $0.name.lowercased() == key }) {
                lines[index] = (name, value)
            } else {
                lines.append((name, value))
            }
        }
        var head = "\(method) \(url.target) HTTP/1.1\r\n"
        for line in lines {
            head += line.name + ": " + line.value + "\r\n"
        }
        head += "\r\n"
        return Array(head.utf8)
    }

    /// Rejects names that are not tokens and values with line breaks or other control characters,
    /// which would let a value smuggle in headers of its own.
    private static func validate(name: String, value: String) throws(HTTPError) {
        let shown = HTTPError.escaped(name)
        if name.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            throw HTTPError("invalid header name '\(shown)': line breaks (cr, lf) are not allowed")
        }
        guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else {
            throw HTTPError("invalid header name '\(shown)': expected letters, digits and - such as 'X-Request-Id'")
        }
        if value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            throw HTTPError("invalid value for header '\(shown)': line breaks (cr, lf) are not allowed")
        }
        if value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            throw HTTPError("invalid value for header '\(shown)': control characters are not allowed")
        }
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
