internal import Synchronization

/// The bytes of one file that procrun read, kept so that diagnostics can quote its lines.
public final class SourceFile: Sendable {
    /// The largest file procrun reads as a procedure or `procrun.yaml`, in bytes (8 MiB): the
    /// standard ``YAMLLimits/maxBytes``, and what ``DiagnosticRenderer`` reads to quote a line.
    package static let largestFile = 8 << 20

    /// The path as the user gave it.
    public let path: String
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// Where each line starts, found on the first question about lines (only diagnostics ask), so
    /// that a thousand diagnostics cost one scan of the file rather than a thousand.
    private let lines = Mutex<LineTable?>(nil)

    /// Creates a source file from bytes already read.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a source file from text (tests, generated procedures).
    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of line `line` (1-based), without its line break, or nil past the end.
    public func lineText(_ line: Int) -> String? {
        let starts = lineTable.starts
        guard line >= 1, line <= starts.count else { return nil }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The location of a byte offset: its line found in the table of line starts, its column counted
    /// in Unicode scalars from there (a `\r` before `\n` takes no column).
    public func location(ofByte offset: Int) -> SourceLocation {
        let starts = lineTable.starts
        let end = min(max(offset, 0), bytes.count)
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= end { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for index in starts[low]..<max(starts[low], end) {
            let byte = bytes[index]
            let isCRLF = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
            if byte & 0xC0 != 0x80, !isCRLF { column += 1 }
        }
        return SourceLocation(line: low + 1, column: column, offset: offset)
    }

    private var lineTable: LineTable {
        lines.withLock { table in
            if let table { return table }
            let built = LineTable(bytes)
            table = built
            return built
        }
    }
}

/// The byte offset at which each line of a file starts (after a byte-order mark for the first).
private struct LineTable: Sendable {
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.starts = starts
    }
}
