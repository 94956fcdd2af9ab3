/// Looks at a file's bytes where libyaml's events say too little: only on error paths, so a valid
/// file is never scanned twice.
enum SourceScan {
    /// The offset of the first byte that is neither white space nor a byte-order mark, or nil.
    static func firstContent(_ bytes: [UInt8]) -> Int? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return bytes[start...].firstIndex { !isWhiteSpace($0) }
    }

    /// Whether every line of the file that is not blank is a comment.
    static func holdsOnlyComments(_ bytes: [UInt8]) -> Bool {
        var inComment = false
        for byte in bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                inComment = false
            } else if !inComment, !isWhiteSpace(byte) {
                guard byte == UInt8(ascii: "#") else { return false }
                inComment = true
            }
        }
        return true
    }

    /// `location`, moved back onto the last line when it is past the file's final line break
    /// (where libyaml reports the end of the stream), so that it points at a line of the file.
    static func inside(_ location: SourceLocation, of file: SourceFile) -> SourceLocation {
        let bytes = file.bytes
        guard location.offset >= bytes.count, let last = bytes.lastIndex(where: { !isWhiteSpace($0) }) else { return location }
        var end = last + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return file.location(ofByte: end)
    }

    /// An error at the first of git's conflict markers, when the file holds some: lines starting
    /// with `<<<<<<<` or `>>>>>>>` (and the `=======` and `|||||||` between them).
    static func conflictMarkers(in file: SourceFile) -> Diagnostic? {
        let lines = ConflictMarkers.markers(in: file.bytes)
        let sawEnds = lines.contains { $0.kind == UInt8(ascii: "<") || $0.kind == UInt8(ascii: ">") }
        guard sawEnds, let first = lines.first else { return nil }
        return .error(
            YAMLProblem.mergeConflict(lines: lines.prefix(12).map(\.line), more: lines.count > 12), in: file, at: file.location(ofByte: first.offset),
            notes: YAMLProblem.mergeConflictNotes(path: file.path))
    }

    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
