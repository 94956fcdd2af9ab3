extension SourceScan {
    /// The error for a template written unquoted at the start of a value (`message: {{ inputs.x }}`,
    /// which YAML reads as a mapping whose key is a mapping), when the mapping key at `offset`
    /// comes right after the `{` that opens a value; nil otherwise. It is placed at the `{{` and
    /// shows the value quoted, with its key when one comes before it on the line.
    static func unquotedTemplate(in file: SourceFile, keyAt offset: Int) -> Diagnostic? {
        let bytes = file.bytes
        guard offset > 0, offset < bytes.count, bytes[offset] == UInt8(ascii: "{"), bytes[offset - 1] == UInt8(ascii: "{") else { return nil }
        let start = offset - 1
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
        let before = bytes[lineStart..<start]
        var value = Array(bytes[start..<lineEnd])
        if before.contains(UInt8(ascii: "{")) || before.contains(UInt8(ascii: "[")) {
            // Inside a flow collection the value ends with its template: `{message: {{ x }}}`.
            if let close = value.indices.dropLast().first(where: { value[$0] == UInt8(ascii: "}") && value[$0 + 1] == UInt8(ascii: "}") }) {
                value = Array(value[...(close + 1)])
            }
        } else if let comment = value.indices.dropFirst().first(where: { value[$0] == UInt8(ascii: "#") && value[$0 - 1] == UInt8(ascii: " ") }) {
            value = Array(value[..<comment])
        }
        while let last = value.last, isWhiteSpace(last) { value.removeLast() }
        let key = before.reversed().drop { $0 == UInt8(ascii: " ") }
        var name: String?
        if key.first == UInt8(ascii: ":") {
            let word = key.dropFirst().prefix { byte in
                byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || "_-.".utf8.contains(byte)
            }
            if !word.isEmpty { name = String(decoding: word.reversed(), as: UTF8.self) }
        }
        let quoted = YAMLQuoting.doubleQuoted(String(decoding: value, as: UTF8.self))
        return .error(YAMLProblem.unquotedTemplate(written: name.map { "\($0): \(quoted)" } ?? quoted), in: file, at: file.location(ofByte: start))
    }
}
