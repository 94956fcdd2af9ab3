/// A procedure file read for its statistics: the parsed document, where its `stats` block lies and
/// the figures in it.
///
/// ``replacingStats(with:)`` produces the file's new bytes by splicing: every byte outside the
/// block is kept as it was, and the block is written in procrun's one format.
public struct StatsDocument: Sendable {
    /// The file as read.
    public let file: SourceFile
    /// Its parsed document.
    public let root: YAMLNode
    /// Where its `stats` block lies.
    public let block: StatsBlock
    /// The figures in the block (empty when there is none).
    public let stats: ProcedureStats

    /// Parses `file`, locates its block and reads its figures.
    public init(file: SourceFile) throws(Diagnostic) {
        try self.init(file: file, root: try YAMLParser(file: file).parse())
    }

    /// Locates the block in `root`, already parsed from exactly `file`'s bytes, and reads its figures.
    /// `validated`: the block was already checked (as the procedure loader checks it).
    public init(file: SourceFile, root: YAMLNode, validated: Bool = false) throws(Diagnostic) {
        self.file = file
        self.root = root
        block = try StatsBlock.locate(in: root, file: file)
        stats = try ProcedureStats(reading: root["stats"], in: file, validated: validated)
    }

    /// Reads the file at `path`.
    public init(path: String) throws(Diagnostic) {
        try self.init(file: try SourceFile.read(path))
    }

    /// The keys of the document's steps in order (see ``StepKey``).
    public var stepKeys: [String] { StepKey.keys(in: root) }

    /// Whether the document looks like a procedure (a mapping with a `steps` key).
    public var isProcedure: Bool { root["steps"] != nil }

    /// The file's bytes with the block replaced by `stats` (steps ordered as the document's steps).
    ///
    /// The result is parsed again and checked before it is returned: the block must read back as
    /// exactly the keys and values written, and everything else in the document as before
    /// (``YAMLParser/reads(as:except:expecting:)``, which compares libyaml's events with what was
    /// meant as they come, building no nodes). A failed check is an error, so a file is never
    /// replaced by something procrun did not mean to write.
    public func replacingStats(with stats: ProcedureStats) throws(Diagnostic) -> [UInt8] {
        let ordered = stats.ordered(by: stepKeys)
        // The new file in one buffer: the bytes before the block, the block, the bytes after it.
        let range = block.range
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.bytes.count + 256 + ordered.steps.count * 200)
        bytes += file.bytes[..<range.lowerBound]
        bytes += block.lead.utf8
        let expected = ordered.renderedBlock(
            indent: block.indent, lineEnding: block.lineEnding, finalLineBreak: block.finalLineBreak, appendingTo: &bytes)
        bytes += file.bytes[range.upperBound...]
        let spliced = SourceFile(path: file.path, bytes: bytes)
        let readsAsMeant: Bool
        do {
            readsAsMeant = try YAMLParser(file: spliced).reads(as: root, except: "stats", expecting: expected)
        } catch {
            throw Diagnostic(.error, "the file would not read back after writing its stats (\(error.message)); it was left unchanged", path: file.path)
        }
        guard readsAsMeant else {
            throw Diagnostic(.error, "the file would read differently after writing its stats; it was left unchanged", path: file.path)
        }
        return bytes
    }
}
