import ProcrunText

/// The edits ``Optimizer`` splices into a file: each a byte range and the text that replaces it,
/// found from the parsed nodes so that nothing else in the file moves.
extension Optimizer {
    /// The edit that writes `version: N+1`: the value replaced, or a line added after `name`.
    func versionEdit() throws(Diagnostic) -> (range: Range<Int>, text: [UInt8]) {
        let next = Array(String(version + 1).utf8)
        if let node = document.root["version"] {
            guard node.scalar?.style == .plain else {
                throw Diagnostic(LearningProblem.versionNotPlain, path: document.file.path, at: node.start)
            }
            return (node.start.offset..<node.end.offset, next)
        }
        let bytes = document.file.bytes
        let anchor = document.root.pairs?.first { $0.key == "name" } ?? document.root.pairs?.first
        guard let anchor else { throw Diagnostic(LearningProblem.noKeys, path: document.file.path) }
        var end = anchor.keyStart.offset
        _ = StatsBlock.lastEnd(of: anchor.value, after: 0, into: &end)
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let indent = String(repeating: " ", count: anchor.keyStart.offset - StatsBlock.lineStart(before: anchor.keyStart.offset, in: bytes))
        let ending = document.block.lineEnding
        if end < bytes.count { return ((end + 1)..<(end + 1), Array("\(indent)version: \(version + 1)\(ending)".utf8)) }
        return (end..<end, Array("\(ending)\(indent)version: \(version + 1)".utf8))
    }

    /// The edits that remove the steps at `removed`, indexes into `placed` (``StepKey/items(in:)``):
    /// each step's lines, a removed group's lines once (its steps' with them), and, when every
    /// `finally` step goes, the whole `finally` key. Each removed step must be an item of a block list.
    func removals(_ removed: [Int], of placed: [(node: YAMLNode, group: Int?, isFinally: Bool)]) throws(Diagnostic) -> [(range: Range<Int>, text: [UInt8])] {
        let root = document.root
        let gone = Set(removed)
        for index in removed {
            let group = placed[index].group
            let list = group.map { placed[$0].node["parallel"]?["steps"] } ?? root[placed[index].isFinally ? "finally" : "steps"]
            if list?.isFlow ?? false {
                throw Diagnostic(LearningProblem.flowSteps(inGroup: group != nil, finally: placed[index].isFinally), path: document.file.path, at: list?.start)
            }
        }
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        let cleanup = placed.indices.filter { placed[$0].isFinally && placed[$0].group == nil }
        let dropsFinally = !cleanup.isEmpty && cleanup.allSatisfy(gone.contains)
        if dropsFinally, let last = cleanup.last, let key = root.pairs?.first(where: { $0.key == "finally" }) {
            let start = StatsBlock.lineStart(before: key.keyStart.offset, in: document.file.bytes)
            edits.append((start..<(try stepRange(placed[last].node)).upperBound, []))
        }
        for index in removed where !(dropsFinally && placed[index].isFinally) && !(placed[index].group.map(gone.contains) ?? false) {
            edits.append((try stepRange(placed[index].node), []))
        }
        return edits
    }

    /// The byte range of a block-list item: from the start of its `-` line to the end of its last
    /// line, line break included, and the blank lines that follow it (so that steps separated by
    /// blank lines stay separated by one).
    func stepRange(_ item: YAMLNode) throws(Diagnostic) -> Range<Int> {
        let bytes = document.file.bytes
        var dash = item.start.offset - 1
        while dash >= 0, bytes[dash] == UInt8(ascii: " ") || bytes[dash] == UInt8(ascii: "\n") || bytes[dash] == UInt8(ascii: "\r") {
            dash -= 1
        }
        let start = StatsBlock.lineStart(before: max(dash, 0), in: bytes)
        guard dash >= 0, bytes[dash] == UInt8(ascii: "-"), bytes[start..<dash].allSatisfy({ $0 == UInt8(ascii: " ") }) else {
            throw Diagnostic(LearningProblem.stepNotOwnLine, path: document.file.path, at: item.start)
        }
        var end = item.start.offset
        guard StatsBlock.lastEnd(of: item, after: item.start.offset, into: &end) else {
            throw Diagnostic(LearningProblem.stepAlias(removing: true), path: document.file.path, at: item.start)
        }
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var stop = min(end + 1, bytes.count)
        while true {
            var next = stop
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") || bytes[next] == UInt8(ascii: "\r") {
                next += 1
            }
            guard next < bytes.count, bytes[next] == UInt8(ascii: "\n") else { break }
            stop = next + 1
        }
        return start..<stop
    }

    /// The edit that adds `lines` to a block-mapping step, after its last line, at its keys' indent.
    func addition(_ lines: [String], to item: YAMLNode) throws(Diagnostic) -> (range: Range<Int>, text: [UInt8]) {
        let bytes = document.file.bytes
        guard let first = item.pairs?.first else { throw Diagnostic(LearningProblem.stepNotMapping, path: document.file.path, at: item.start) }
        let indent = String(repeating: " ", count: first.keyStart.offset - StatsBlock.lineStart(before: first.keyStart.offset, in: bytes))
        var end = item.start.offset
        guard StatsBlock.lastEnd(of: item, after: item.start.offset, into: &end) else {
            throw Diagnostic(LearningProblem.stepAlias(removing: false), path: document.file.path, at: item.start)
        }
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let ending = document.block.lineEnding
        let text = lines.map { "\(indent)\($0)\(ending)" }.joined()
        if end < bytes.count { return ((end + 1)..<(end + 1), Array(text.utf8)) }
        return (end..<end, Array((ending + String(text.dropLast(ending.count))).utf8))
    }

    /// Where `steps.ID` is written outside the step itself and the stats block, if anywhere.
    func reference(to id: String, outside item: YAMLNode) -> SourceLocation? {
        var ownEnd = item.start.offset
        _ = StatsBlock.lastEnd(of: item, after: 0, into: &ownEnd)
        let offset = Self.references(to: id, in: document.file.bytes).first { index in
            !(item.start.offset..<ownEnd).contains(index) && !document.block.range.contains(index)
        }
        return offset.map { document.file.location(ofByte: $0) }
    }

    /// The byte offsets where `steps.ID` is written as a whole name (not the start of a longer
    /// one): where a file reads a step's result.
    static func references(to id: String, in bytes: [UInt8]) -> [Int] {
        let needle = Array("steps.\(id)".utf8)
        var found: [Int] = []
        var index = 0
        while index + needle.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) else { continue }
            let before = index > 0 ? bytes[index - 1] : 0
            let after = index + needle.count < bytes.count ? bytes[index + needle.count] : 0
            if !isNameByte(before), !isNameByte(after) { found.append(index) }
        }
        return found
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
    }
}
