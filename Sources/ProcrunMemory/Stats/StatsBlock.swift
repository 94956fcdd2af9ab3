package import ProcrunText

/// Where a document's top-level `stats` block lies in the file's bytes, found from the parsed
/// document's positions (so a `stats:` line inside a block scalar is never mistaken for it).
///
/// The block runs from the start of the `stats:` line to the end of the line holding its last
/// value, line break included. When the document has no block, the range is empty at the end of
/// the file, where a new block is appended.
package struct StatsBlock: Sendable, Hashable {
    /// The bytes the block occupies (empty at the end of the file when there is none yet).
    package var range: Range<Int>
    /// Whether the document has a `stats` key.
    package var exists: Bool
    /// The indentation of the document's top-level keys.
    package var indent: String
    /// The file's line ending: `"\r\n"` when its first line ends so, else `"\n"`.
    package var lineEnding: String
    /// Text written before the block: a line break when appending to a file without a final one.
    package var lead: String
    /// Whether the block's last line ends with a line break (false at the end of a file without one).
    package var finalLineBreak: Bool

    /// Locates the block in `root`, the parsed document of `file`.
    package static func locate(in root: YAMLNode, file: SourceFile) throws(Diagnostic) -> StatsBlock {
        let bytes = file.bytes
        guard let pairs = root.pairs, !root.isFlow else {
            throw Diagnostic.error(LearningProblem.notBlockStyle, in: file, at: root.start)
        }
        let lineEnding = Self.lineEnding(of: bytes)
        guard let pair = pairs.first(where: { $0.key == "stats" }) else {
            let first = pairs.first?.keyStart.offset ?? 0
            let indent = String(repeating: " ", count: first - Self.lineStart(before: first, in: bytes))
            if let end = documentEndMarker(after: root, in: bytes) {
                return StatsBlock(range: end..<end, exists: false, indent: indent.allSatisfy { $0 == " " } ? indent : "",
                    lineEnding: lineEnding, lead: "", finalLineBreak: true)
            }
            let needsBreak = !bytes.isEmpty && bytes.last != UInt8(ascii: "\n")
            return StatsBlock(
                range: bytes.count..<bytes.count, exists: false, indent: indent.allSatisfy { $0 == " " } ? indent : "",
                lineEnding: lineEnding, lead: needsBreak ? lineEnding : "", finalLineBreak: !needsBreak)
        }
        let key = pair.keyStart.offset
        let start = Self.lineStart(before: key, in: bytes)
        guard bytes[start..<key].allSatisfy({ $0 == UInt8(ascii: " ") }) else {
            throw Diagnostic.error(LearningProblem.statsKeyIndented, in: file, at: pair.keyStart)
        }
        var last = key
        guard Self.lastEnd(of: pair.value, after: key, into: &last) else {
            throw Diagnostic.error(LearningProblem.statsAlias, in: file, at: pair.keyStart)
        }
        var end = min(last, bytes.count)
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let finalLineBreak = end < bytes.count
        return StatsBlock(
            range: start..<(finalLineBreak ? end + 1 : end), exists: true, indent: String(repeating: " ", count: key - start),
            lineEnding: lineEnding, lead: "", finalLineBreak: finalLineBreak)
    }

    /// Advances `last` to the end of the node's last character; false when a part of it lies
    /// before `limit` (an alias to an anchor elsewhere).
    static func lastEnd(of node: YAMLNode, after limit: Int, into last: inout Int) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            // An empty scalar (`stats:` with nothing) is placed by libyaml at the next token,
            // possibly lines later: it adds nothing to the block.
            if scalar.text.isEmpty, scalar.style == .plain { return true }
            guard node.start.offset >= limit else { return false }
            last = max(last, node.end.offset)
        case .mapping(let pairs):
            guard node.start.offset >= limit else { return false }
            if node.isFlow { last = max(last, node.end.offset) }
            for pair in pairs {
                guard pair.keyStart.offset >= limit else { return false }
                last = max(last, pair.keyStart.offset)
                if !lastEnd(of: pair.value, after: limit, into: &last) { return false }
            }
        case .sequence(let items):
            guard node.start.offset >= limit else { return false }
            if node.isFlow { last = max(last, node.end.offset) }
            for item in items where !lastEnd(of: item, after: limit, into: &last) { return false }
        }
        return true
    }

    /// The start of a `...` document-end line after the document's content, if there is one: a new
    /// block goes before it.
    private static func documentEndMarker(after root: YAMLNode, in bytes: [UInt8]) -> Int? {
        var last = 0
        _ = lastEnd(of: root, after: 0, into: &last)
        var start = last
        while start < bytes.count, bytes[start] != UInt8(ascii: "\n") { start += 1 }
        start += 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[start..<end]
            if line.starts(with: Array("...".utf8)), line.count == 3 || [0x20, 0x09, 0x0D, 0x23].contains(line[start + 3]) {
                return start
            }
            start = end + 1
        }
        return nil
    }

    /// The offset where the line holding `offset` begins (after a byte-order mark on line 1).
    static func lineStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var index = min(offset, bytes.count)
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        if index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return min(3, offset) }
        return index
    }

    /// `"\r\n"` when the file's first line break is CRLF, else `"\n"`.
    static func lineEnding(of bytes: [UInt8]) -> String {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return "\n" }
        return newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
    }
}
