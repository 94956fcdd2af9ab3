package import ProcrunText

/// Marks a procedure file as superseded by splicing two lines after its `name:` line
/// (`superseded_by: KEEP` and `superseded_reason: "..."`), leaving every other byte as it was,
/// so the change reads as two added lines in a diff.
package enum SupersededMarker {
    /// The file's new bytes and the lines inserted, or why the file cannot be marked.
    package static func mark(_ file: SourceFile, keep: String, reason: String) throws(DiagnosticsError) -> (bytes: [UInt8], lines: [String]) {
        let root: YAMLNode
        do {
            root = try YAMLParser(file: file).parse()
        } catch {
            throw DiagnosticsError([error])
        }
        guard let pairs = root.pairs, let name = pairs.first(where: { $0.key == "name" }) else {
            throw DiagnosticsError([Diagnostic(RetrievalProblem.noName(path: file.path), path: file.path)])
        }
        if let existing = root["superseded_by"] {
            throw DiagnosticsError([
                .error(RetrievalProblem.alreadySuperseded(path: file.path, by: existing.scalar?.text ?? "?"), in: file, at: existing.start)
            ])
        }
        guard !root.isFlow, name.value.scalar != nil, name.value.end.line == name.keyStart.line else {
            throw DiagnosticsError([
                .error(RetrievalProblem.cannotSplice(path: file.path, keep: keep), in: file, at: name.keyStart)
            ])
        }
        var offset = name.value.end.offset
        let bytes = file.bytes
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        // Keep the file's own line breaks: insert before a "\r\n" as before a "\n".
        let crlf = offset > 0 && offset <= bytes.count && bytes[offset - 1] == UInt8(ascii: "\r")
        if crlf { offset -= 1 }
        let newline: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
        let indent = String(repeating: " ", count: name.keyStart.column - 1)
        let lines = ["\(indent)superseded_by: \(YAMLQuoting.scalar(keep))", "\(indent)superseded_reason: \(YAMLQuoting.scalar(reason))"]
        var result = Array(bytes[..<offset])
        for line in lines { result += newline + Array(line.utf8) }
        if offset < bytes.count {
            result += Array(bytes[offset...])
        } else {
            result += newline
        }
        return (result, lines)
    }
}
