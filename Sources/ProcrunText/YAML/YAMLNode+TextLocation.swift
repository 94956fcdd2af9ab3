extension YAMLNode {
    /// The file location of the character at `offset` (in Unicode scalars) of this scalar's decoded
    /// text, so an error inside a template can point at its own line and column.
    ///
    /// Exact for single-line scalars without escapes and for literal block scalars; for other
    /// multi-line forms it finds the line by its text and falls back to the scalar's start.
    package func location(ofTextOffset offset: Int, in file: SourceFile) -> SourceLocation {
        guard let scalar else { return start }
        let scalars = Array(scalar.text.unicodeScalars)
        let clamped = max(0, min(offset, scalars.count))
        var line = 0
        var lineStart = 0
        for index in 0..<clamped where scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        let column = clamped - lineStart
        let columnBytes = String(String.UnicodeScalarView(scalars[lineStart..<clamped])).utf8.count
        switch scalar.style {
        case .literal, .folded:
            return blockLocation(line: line, column: column, columnBytes: columnBytes, in: file)
        case .plain, .singleQuoted, .doubleQuoted:
            let quote = scalar.style == .plain ? 0 : 1
            if line == 0 {
                return textStart(in: file).advanced(byColumns: column + quote, bytes: columnBytes + quote)
            }
            let lineText = String(String.UnicodeScalarView(scalars[lineStart..<scalars.count].prefix { $0 != "\n" }))
            return find(lineText, after: start.offset, column: column, columnBytes: columnBytes, in: file) ?? start
        }
    }

    /// Where the scalar's text starts: past a tag or an anchor written before it (`!!str "x"`),
    /// which libyaml counts as part of the node.
    private func textStart(in file: SourceFile) -> SourceLocation {
        let bytes = file.bytes
        var index = start.offset
        while index < bytes.count, bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "&") {
            while index < bytes.count, !SourceScan.isWhiteSpace(bytes[index]) { index += 1 }
            while index < bytes.count, SourceScan.isWhiteSpace(bytes[index]) { index += 1 }
        }
        return index == start.offset ? start : file.location(ofByte: index)
    }

    /// In a block scalar, text line `line` is source line `start.line + 1 + line`, indented.
    private func blockLocation(line: Int, column: Int, columnBytes: Int, in file: SourceFile) -> SourceLocation {
        let bytes = file.bytes
        var index = start.offset
        var sourceLine = start.line
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        var indent: Int?
        var target = 0
        var probe = index + 1
        var lineNumber = sourceLine + 1
        while probe < bytes.count {
            var spaces = 0
            while probe + spaces < bytes.count, bytes[probe + spaces] == UInt8(ascii: " ") { spaces += 1 }
            let next = probe + spaces
            let blank = next >= bytes.count || bytes[next] == UInt8(ascii: "\n") || bytes[next] == UInt8(ascii: "\r")
            if !blank, indent == nil { indent = spaces }
            if lineNumber == start.line + 1 + line {
                target = probe
                sourceLine = lineNumber
                break
            }
            while probe < bytes.count, bytes[probe] != UInt8(ascii: "\n") { probe += 1 }
            probe += 1
            lineNumber += 1
        }
        let margin = indent ?? 0
        return SourceLocation(line: sourceLine, column: margin + column + 1, offset: target + margin + columnBytes)
    }

    /// Finds the line holding `text` in the node's extent, for multi-line flow scalars.
    private func find(_ text: String, after offset: Int, column: Int, columnBytes: Int, in file: SourceFile) -> SourceLocation? {
        let needle = Array(text.drop { $0 == " " }.utf8)
        guard !needle.isEmpty else { return nil }
        let bytes = file.bytes
        var index = offset
        let limit = min(end.offset, bytes.count) - needle.count
        while index <= limit {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle {
                let location = file.location(ofByte: index)
                return location.advanced(byColumns: column, bytes: columnBytes)
            }
            index += 1
        }
        return nil
    }
}
