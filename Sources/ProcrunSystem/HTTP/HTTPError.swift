import Glibc

/// An error from an HTTP exchange: a bad request, a network failure, a timeout or a malformed response.
package struct HTTPError: Error, Sendable, CustomStringConvertible {
    /// The lower-case message, ready to show to a user.
    package var message: String

    /// Creates an error with a message.
    package init(_ message: String) {
        self.message = message
    }

    /// The message.
    package var description: String { message }
}

extension HTTPError {
    /// Text made safe to quote in a message: control characters are shown escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u{" + hex + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Bytes from the network quoted in a message: lossy UTF-8, escaped, at most `limit` characters.
    static func quoted(_ bytes: some Collection<UInt8>, limit: Int = 80) -> String {
        let text = escaped(String(decoding: bytes, as: UTF8.self))
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "..."
    }

    /// The lower-case description of an `errno` value, like "connection refused".
    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
