import Glibc
import ProcrunLanguage
package import ProcrunText

/// Merges two branches' versions of a procedure file for `procrun merge-driver`.
///
/// The `stats` blocks are merged exactly: each counter is base + ours' change + theirs' change,
/// `last_executed` is the later one, and the derived figures are recomputed. Each side may be in
/// the current or the older block format (``StatsDocument/isLegacyFormat``); the result is in the
/// current one. The rest of the file
/// is merged by `git merge-file`, with each block replaced by the same placeholder line so that it
/// never conflicts; a conflict in the authored part is still a conflict, marked with ``labels``.
/// Files that are not procedures, or that do not read, are merged by `git merge-file` alone (the
/// result says so: ``Result/statsMerged`` is false).
package struct StatsMerger {
    /// The common ancestor's bytes (empty when the file was added on both branches).
    package var base: SourceFile
    /// The current branch's bytes.
    package var ours: SourceFile
    /// The other branch's bytes.
    package var theirs: SourceFile
    /// The length of conflict markers (git's `%L`).
    package var markerSize = 7
    /// The conflict markers' labels: `<<<<<<< OURS`, `||||||| BASE` (in git's diff3 style), `>>>>>>> THEIRS`.
    package var labels = Labels.standard

    /// A merge of three versions.
    package init(base: SourceFile, ours: SourceFile, theirs: SourceFile) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    static let placeholder = "#procrun-merge-driver:stats-block"

    /// Merges; throws only when `git merge-file` cannot run or the temporary files cannot be written.
    package func merge() throws(Diagnostic) -> Result {
        guard let ourDocument = try? StatsDocument(file: ours), let theirDocument = try? StatsDocument(file: theirs),
            ourDocument.isProcedure, theirDocument.isProcedure
        else {
            return try mergeText(base.bytes, ours.bytes, theirs.bytes).mergedAsText
        }
        let baseDocument = base.bytes.isEmpty ? nil : try? StatsDocument(file: base)
        if !base.bytes.isEmpty, baseDocument == nil { return try mergeText(base.bytes, ours.bytes, theirs.bytes).mergedAsText }
        // A procedure that never ran on either side has no block to add up: it gets none.
        if !ourDocument.block.exists, !theirDocument.block.exists, baseDocument?.block.exists != true {
            var result = try mergeText(base.bytes, ours.bytes, theirs.bytes)
            result.stats = nil
            return result
        }
        let baseStats = baseDocument?.stats ?? ProcedureStats()
        let merged = Self.sum(base: baseStats, ours: ourDocument.stats, theirs: theirDocument.stats)

        let text = try mergeText(
            baseDocument.map(Self.strip) ?? [], Self.strip(ourDocument), Self.strip(theirDocument))
        let block = ourDocument.block
        let marker = Array(Self.placeholder.utf8)
        let lines = Self.lineRanges(of: marker, in: text.bytes)
        var bytes = text.bytes
        if lines.count == 1, let line = lines.first {
            let rendered = merged.rendered(indent: block.indent, lineEnding: block.lineEnding, finalLineBreak: line.hasBreak)
            bytes.replaceSubrange(line.range, with: Array(rendered.utf8))
        } else {
            for line in lines.reversed() { bytes.removeSubrange(line.range) }
            let needsBreak = !bytes.isEmpty && bytes.last != UInt8(ascii: "\n")
            bytes += Array(((needsBreak ? block.lineEnding : "") + merged.rendered(indent: block.indent, lineEnding: block.lineEnding)).utf8)
        }
        guard !text.conflicted else { return Result(bytes: bytes, conflicted: true, stats: merged) }
        // Rewrite once more through the splicer: it orders the steps as the merged document does
        // and checks that the result reads back with exactly the merged figures.
        let document = try StatsDocument(file: SourceFile(path: ours.path, bytes: bytes))
        return Result(bytes: try document.replacingStats(with: merged), conflicted: false, stats: merged)
    }

    /// base + ours' increase + theirs' increase, counter by counter; the run id is the side's that
    /// changed, or one derived from both when both did (``RunID/merging(_:_:)``).
    static func sum(base: ProcedureStats, ours: ProcedureStats, theirs: ProcedureStats) -> ProcedureStats {
        let ourChange = ours.subtracting(base)
        let theirChange = theirs.subtracting(base)
        var merged = base.adding(ourChange).adding(theirChange)
        if ourChange.runID != nil, theirChange.runID != nil { merged.runID = RunID.merging(ourChange.runID, theirChange.runID) }
        return merged
    }

    /// The document's bytes with its stats block replaced by the placeholder line.
    static func strip(_ document: StatsDocument) -> [UInt8] {
        let block = document.block
        var bytes = document.file.bytes
        let line = block.lead + block.indent + placeholder + (block.finalLineBreak ? block.lineEnding : "")
        bytes.replaceSubrange(block.range, with: Array(line.utf8))
        return bytes
    }

    /// The whole lines holding exactly `marker` (after indentation), with their line breaks.
    static func lineRanges(of marker: [UInt8], in bytes: [UInt8]) -> [(range: Range<Int>, hasBreak: Bool)] {
        var result: [(Range<Int>, Bool)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var content = bytes[start..<end].drop { $0 == UInt8(ascii: " ") }
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            if Array(content) == marker { result.append((start..<min(end + 1, bytes.count), end < bytes.count)) }
            start = end + 1
        }
        return result
    }

    /// `git merge-file` on three texts: the merged text and whether it has conflicts.
    func mergeText(_ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8]) throws(Diagnostic) -> Result {
        let folder: String
        do {
            folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-merge-")
        } catch {
            throw Diagnostic(LearningProblem.fileOperation(reason: error.description))
        }
        defer { Self.removeFolder(folder) }
        let paths = ["ours", "base", "theirs"].map { folder + "/" + $0 }
        do {
            try FileSystem.write(ours, to: paths[0])
            try FileSystem.write(base, to: paths[1])
            try FileSystem.write(theirs, to: paths[2])
        } catch {
            throw Diagnostic(LearningProblem.fileOperation(reason: error.description))
        }
        let output = try Git.run(
            ["merge-file", "--marker-size=\(max(1, markerSize))", "-L", labels.ours, "-L", labels.base, "-L", labels.theirs] + paths)
        guard output.status >= 0, output.status < 128 else {
            throw Diagnostic(LearningProblem.mergeFileFailed(message: output.stderr.trimmingSpaces()), path: self.ours.path)
        }
        do {
            return Result(bytes: try FileSystem.read(paths[0]), conflicted: output.status != 0)
        } catch {
            throw Diagnostic(LearningProblem.fileOperation(reason: error.description))
        }
    }

    private static func removeFolder(_ folder: String) {
        for name in (try? FileSystem.contents(of: folder)) ?? [] { unlink(folder + "/" + name) }
        rmdir(folder)
    }
}
