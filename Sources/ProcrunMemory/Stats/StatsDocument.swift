package import ProcrunText

/// A procedure file read for its statistics: the parsed document, where its `stats` block lies and
/// the figures in it.
///
/// ``replacingStats(with:)`` produces the file's new bytes by splicing: every byte outside the
/// block is kept as it was, and the block is written in procrun's one format.
package struct StatsDocument: Sendable {
    /// The file as read.
    package let file: SourceFile
    /// Its parsed document.
    package let root: YAMLNode
    /// Where its `stats` block lies.
    package let block: StatsBlock
    /// The figures in the block (empty when there is none), legacy `step-N` keys already renamed
    /// to the keys of the steps they counted (see ``isLegacyFormat``).
    package let stats: ProcedureStats
    /// The keys of the document's steps in order (see ``StepKey``).
    package let stepKeys: [String]
    /// Whether the block is in the older format (each step's figures a block mapping of one key
    /// per line, unnamed steps keyed `step-N` by position). Such a block is read as before, its
    /// `step-N` keys renamed to the keys of the steps at those positions (a `step-N` key whose step
    /// is gone or has an id is kept as it is, an orphan); it is written in the current format at
    /// the next write.
    package let isLegacyFormat: Bool

    /// Parses `file`, locates its block and reads its figures.
    package init(file: SourceFile) throws(Diagnostic) {
        try self.init(file: file, root: try YAMLParser(file: file).parse())
    }

    /// Locates the block in `root`, already parsed from exactly `file`'s bytes, and reads its figures.
    /// `validated`: the block was already checked (as the procedure loader checks it).
    package init(file: SourceFile, root: YAMLNode, validated: Bool = false) throws(Diagnostic) {
        self.file = file
        self.root = root
        block = try StatsBlock.locate(in: root, file: file)
        let read = try ProcedureStats(reading: root["stats"], in: file, validated: validated)
        stepKeys = StepKey.keys(in: root)
        let legacy = Self.isLegacy(root["stats"])
        isLegacyFormat = legacy
        stats = legacy ? Self.migrated(read, items: root["steps"]?.items ?? [], keys: stepKeys) : read
    }

    /// Whether a `stats` node is in the older format: a step's figures written as a block mapping.
    package static func isLegacy(_ stats: YAMLNode?) -> Bool {
        stats?["steps"]?.pairs?.contains { $0.value.pairs != nil && !$0.value.isFlow } ?? false
    }

    /// Legacy figures with each `step-N` key renamed to the key of the unnamed step at position N.
    private static func migrated(_ stats: ProcedureStats, items: [YAMLNode], keys: [String]) -> ProcedureStats {
        let ids = Set(items.compactMap { $0["id"]?.scalar?.text })
        var result = stats
        result.steps = []
        var position: [String: Int] = [:]
        for (key, figures) in stats.steps {
            var renamed = key
            if let number = StepKey.legacyNumber(key), number <= items.count, !ids.contains(key), items[number - 1]["id"] == nil {
                renamed = keys[number - 1]
            }
            if let index = position[renamed] {
                result.steps[index].stats = result.steps[index].stats.adding(figures)
            } else {
                position[renamed] = result.steps.count
                result.steps.append((renamed, figures))
            }
        }
        return result
    }

    /// The recorded keys that match no step of the document: figures kept, credited to no step.
    package var orphanKeys: [String] {
        let current = Set(stepKeys)
        return stats.steps.map(\.key).filter { !current.contains($0) }
    }

    /// Reads the file at `path`.
    package init(path: String) throws(Diagnostic) {
        try self.init(file: try SourceFile.read(path))
    }

    /// Whether the document looks like a procedure: a mapping with a `name` and a `steps` list
    /// of at least one step, as the loader requires.
    package var isProcedure: Bool {
        guard let name = root["name"]?.scalar?.text, !name.isEmpty, let steps = root["steps"]?.items else { return false }
        return !steps.isEmpty
    }

    /// The procedure's `name`, as written.
    package var name: String? { root["name"]?.scalar?.text }

    /// The file's bytes with the block replaced by `stats` (steps ordered as the document's steps).
    ///
    /// The result is parsed again and checked before it is returned: the block must read back as
    /// exactly the keys and values written, and everything else in the document as before
    /// (``YAMLParser/reads(as:except:expecting:)``, which compares libyaml's events with what was
    /// meant as they come, building no nodes). A failed check is an error, so a file is never
    /// replaced by something procrun did not mean to write.
    package func replacingStats(with stats: ProcedureStats) throws(Diagnostic) -> [UInt8] {
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
            throw Diagnostic(LearningProblem.wouldNotReadBack(reason: error.message), path: file.path)
        }
        guard readsAsMeant else {
            throw Diagnostic(LearningProblem.wouldReadDifferently, path: file.path)
        }
        return bytes
    }
}
