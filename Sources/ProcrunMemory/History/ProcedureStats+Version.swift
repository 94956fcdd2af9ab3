package import ProcrunText

extension ProcedureStats {
    /// The figures of one version of a procedure file, as git holds it: only its top-level `stats`
    /// section is parsed when the block is in the current format (most of a long history's cost
    /// is parsing), the whole file otherwise (an older block whose `step-N` keys are renamed by
    /// the file's steps). A version with no `stats` line has no figures yet.
    package init(version bytes: ArraySlice<UInt8>, path: String) throws(Diagnostic) {
        guard let range = Self.statsSection(bytes) else {
            self.init()
            return
        }
        let file = SourceFile(path: path, bytes: Array(bytes[range]))
        let root = try YAMLParser(file: file).parse()
        if StatsDocument.isLegacy(root["stats"]) {
            self = try StatsDocument(file: SourceFile(path: path, bytes: Array(bytes))).stats
        } else {
            try self.init(reading: root["stats"], in: file)
        }
    }

    /// Where the top-level `stats:` section of a procedure file lies: from its line (which starts
    /// in column 1, as procrun writes it) to the next line that starts another top-level key or
    /// document; nil when there is no such line.
    static func statsSection(_ bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let stats = Array("stats:".utf8)
        var start: Int?
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            var end = offset
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            let first = bytes[offset]
            if let begin = start {
                // A line in column 1 that is no comment and no blank ends the section.
                if first != 0x20, first != 0x09, first != 0x0D, first != 0x0A, first != UInt8(ascii: "#") {
                    return begin..<offset
                }
            } else if first == UInt8(ascii: "s"), bytes[offset...].starts(with: stats) {
                start = offset
            }
            offset = end + 1
        }
        return start.map { $0..<bytes.endIndex }
    }
}
