/// A strict JSON parser (RFC 8259) for one value per text: action-log lines, the index cache, the
/// MCP server's messages.
///
/// It accepts exactly JSON: no comments, no trailing commas, no single quotes, no leading zeros,
/// no unescaped control characters, no lone surrogates; nesting is limited to 64 levels.
package struct JSONParser {
    /// What went wrong, and at which 1-based character column.
    package struct Failure: Error, Sendable, Equatable {
        /// Whether the text is not JSON, or is JSON that this parser does not hold.
        package enum Kind: Sendable, Equatable {
            /// Not JSON (RFC 8259): a syntax error, or bytes that are not UTF-8.
            case syntax
            /// JSON beyond what is held: a lone surrogate (a Swift string cannot hold one), a
            /// number beyond a `Double`'s range, nesting deeper than ``JSONParser/maxDepth``.
            case unsupported
        }

        /// The lowercase message.
        package var message: String
        /// The 1-based column (in bytes) where it went wrong.
        package var column: Int
        /// Which kind of problem it is.
        package var kind: Kind

        /// A failure at `column`.
        package init(message: String, column: Int, kind: Kind = .syntax) {
            self.message = message
            self.column = column
            self.kind = kind
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// Where the value of each member of the top-level object lies.
    private var topMembers: [String: Range<Int>] = [:]
    /// The deepest nesting accepted.
    package static let maxDepth = 64

    /// Parses `text`, which must hold exactly one JSON value (white space around it is allowed).
    package static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parseLocatingMembers(Array(text.utf8)).value
    }

    /// Parses `bytes` as ``parse(_:)`` does, and tells where the value of each member of the
    /// top-level object lies (no member when the value is not an object), so that a caller can
    /// replace one member and keep every other byte as written (the MCP server's request ids).
    package static func parseLocatingMembers(_ bytes: [UInt8]) throws(Failure) -> (value: JSONValue, members: [String: Range<Int>]) {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return (value, parser.topMembers)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func failure(_ message: String, kind: Failure.Kind = .syntax) -> Failure {
        Failure(message: message, column: index + 1, kind: kind)
    }

    private var found: String {
        guard index < bytes.count else { return "the end of the line" }
        let byte = bytes[index]
        return byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure("expected a JSON value, found the end of the line") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .boolean(true))
        case UInt8(ascii: "f"): return try word("false", .boolean(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("expected a JSON value, found \(found)")
        }
    }

    private mutating func word(_ text: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        let expected = Array(text.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("expected a JSON value, found \(found)")
        }
        index += expected.count
        return value
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw failure("JSON nested deeper than \(Self.maxDepth) levels", kind: .unsupported) }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try nest()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key, found \(found)") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key, found \(found)") }
            index += 1
            skipSpace()
            let start = index
            let item = try value()
            if depth == 1 { topMembers[key] = start..<index }
            members.removeAll { $0.key == key }
            members.append((key, item))
            skipSpace()
            guard index < bytes.count else { throw failure("expected ',' or '}', found the end of the line") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}', found \(found)") }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try nest()
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw failure("expected ',' or ']', found the end of the line") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']', found \(found)") }
            index += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.index
            while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) { parser.index += 1 }
            return parser.index - from
        }
        let integerStart = index
        let count = digits(&self)
        guard count > 0 else { throw failure("expected a digit, found \(found)") }
        if count > 1, bytes[integerStart] == UInt8(ascii: "0") { throw Failure(message: "numbers may not start with 0", column: integerStart + 1) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("expected a digit after '.', found \(found)") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure("expected a digit in the exponent, found \(found)") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw Failure(message: "number out of range: \(text)", column: start + 1, kind: .unsupported) }
        return .number(number, text: text)
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte < 0x20 { throw failure("control character in a string; write it as an escape such as \\n") }
            if byte != UInt8(ascii: "\\") {
                let end = plainRun(from: index)
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            index += 1
            guard index < bytes.count else { throw failure("unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw failure("lone surrogate in \\u escape", kind: .unsupported)
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("lone surrogate in \\u escape", kind: .unsupported) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw failure("lone surrogate in \\u escape", kind: .unsupported)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                index -= 1
                throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
        return text
    }

    /// The end of the run of bytes from `from` that a string holds as they are (no quote, backslash
    /// or control character), found eight bytes at a time: a long string is copied in one piece.
    private func plainRun(from: Int) -> Int {
        bytes.withUnsafeBytes { all in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var end = from
            while end + 8 <= all.count {
                let word = all.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                // A byte below 0x20, or a zero byte in either comparison, sets its high bit here.
                let stops = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                if stops & highs != 0 { break }
                end += 8
            }
            while end < all.count {
                let byte = all[end]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                end += 1
            }
            return end
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("expected four hex digits after \\u, found \(found)")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
