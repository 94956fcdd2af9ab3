extension HTTPURL {
    /// Parses an absolute `http://` or `https://` URL.
    static func parse(_ text: String) throws(HTTPError) -> HTTPURL {
        func failure(_ why: String) -> HTTPError {
            HTTPError("invalid url '\(HTTPError.escaped(text))': \(why)")
        }
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            throw failure("spaces and control characters are not allowed (percent-encode a space as %20)")
        }
        guard let (isSecure, schemeEnd) = scheme(of: bytes) else {
            throw failure("expected http:// or https://")
        }
        let rest = bytes[schemeEnd...]
        let authorityEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains(UInt8(ascii: "@")) {
            throw failure("user info (user@host) is not supported; send credentials in an authorization header")
        }
        if authority.isEmpty {
            throw failure("expected a host after '\(isSecure ? "https" : "http")://'")
        }
        var url = HTTPURL(isSecure: isSecure, host: "", isIPv6Literal: false, port: isSecure ? 443 : 80, target: "/")
        let portText: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw failure("expected ']' after the ipv6 address")
            }
            let address = authority[(authority.startIndex + 1)..<close]
            guard isIPv6Address(address) else {
                throw failure("expected an ipv6 address in brackets, found '\(String(decoding: address, as: UTF8.self))'")
            }
            url.host = String(decoding: address, as: UTF8.self).replacing("%25", with: "%")
            url.isIPv6Literal = true
            let after = authority[(close + 1)...]
            if after.isEmpty {
                portText = nil
            } else if after.first == UInt8(ascii: ":") {
                portText = after.dropFirst()
            } else {
                throw failure("expected ':' and a port after ']', found '\(String(decoding: after, as: UTF8.self))'")
            }
        } else {
            let colon = authority.firstIndex(of: UInt8(ascii: ":"))
            let name = authority[..<(colon ?? authority.endIndex)]
            guard !name.isEmpty, name.allSatisfy(isHostNameByte) else {
                throw failure("expected a host name or address, found '\(String(decoding: name, as: UTF8.self))'")
            }
            url.host = String(decoding: name, as: UTF8.self)
            portText = colon.map { authority[($0 + 1)...] }
        }
        if let portText, !portText.isEmpty {
            guard portText.count <= 5, portText.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let port = Int(String(decoding: portText, as: UTF8.self)), (1...65535).contains(port)
            else {
                throw failure("expected a port from 1 to 65535, found '\(String(decoding: portText, as: UTF8.self))'")
            }
            url.port = port
        }
        url.target = target(from: rest[authorityEnd...])
        return url
    }

    /// Whether the bytes start with `http://` or `https://` (any case), and where the rest begins.
    private static func scheme(of bytes: [UInt8]) -> (isSecure: Bool, end: Int)? {
        let lowered = bytes.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if lowered.starts(with: Array("http://".utf8)) { return (false, 7) }
        if lowered.starts(with: Array("https://".utf8)) { return (true, 8) }
        return nil
    }

    private static func isHostNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// Hex digits, colons and dots, then an optional `%25zone`.
    private static func isIPv6Address(_ bytes: ArraySlice<UInt8>) -> Bool {
        let zoneStart = bytes.firstIndex(of: UInt8(ascii: "%"))
        let address = bytes[..<(zoneStart ?? bytes.endIndex)]
        guard address.contains(UInt8(ascii: ":")) else { return false }
        let addressOK = address.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                 UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: ":"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
        guard addressOK else { return false }
        guard let zoneStart else { return true }
        let zone = bytes[zoneStart...]
        return zone.starts(with: Array("%25".utf8)) && zone.count > 3 && zone.dropFirst(3).allSatisfy(isHostNameByte)
    }

    /// The path and query with the fragment dropped, `/` when empty, non-ASCII bytes percent-encoded.
    private static func target(from bytes: ArraySlice<UInt8>) -> String {
        let withoutFragment = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex)]
        var result = ""
        if withoutFragment.first != UInt8(ascii: "/") { result = "/" }
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in withoutFragment {
            if byte < 0x80 {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return result
    }
}
