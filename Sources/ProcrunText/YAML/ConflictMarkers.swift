/// Git's conflict markers in a file: the one scanner for them (the parser's "unresolved merge
/// conflict markers" error, `procrun resolve`). A marker is a line of seven or more `<`, `=`, `|`
/// or `>` followed by a space, a carriage return or the end of the line.
package enum ConflictMarkers {
    /// One marker line.
    struct Marker {
        /// Its 1-based line number.
        var line: Int
        /// The byte offset where the line starts.
        var offset: Int
        /// Its character: `<` opens a conflict, `>` closes it, `=` and `|` divide it.
        var kind: UInt8
    }

    /// Every marker line of `bytes`, in order.
    static func markers(in bytes: [UInt8]) -> [Marker] {
        var found: [Marker] = []
        var line = 1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if let kind = marker(bytes[start..<end]) { found.append(Marker(line: line, offset: start, kind: kind)) }
            line += 1
            start = end + 1
        }
        return found
    }

    /// The 1-based numbers of the lines that open a conflict (`<<<<<<<`).
    package static func lines(in bytes: [UInt8]) -> [Int] {
        markers(in: bytes).filter { $0.kind == UInt8(ascii: "<") }.map(\.line)
    }

    private static func marker(_ line: ArraySlice<UInt8>) -> UInt8? {
        guard line.count >= 7, let first = line.first, [UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "|"), UInt8(ascii: ">")].contains(first)
        else { return nil }
        var count = 0
        for byte in line {
            guard byte == first else { break }
            count += 1
        }
        guard count >= 7 else { return nil }
        let rest = line.dropFirst(count)
        return rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\r") ? first : nil
    }
}
