import ProcrunLanguage
package import ProcrunText

/// Walks the figures of a library's procedure files along its first-parent git history: each
/// commit in the period that changed a file's `stats` block becomes a ``StatsChange`` with the
/// runs it added.
///
/// Two git processes read it all: one `git log` lists the commits and the blobs they wrote
/// (``HistoryLog``), one `git cat-file --batch` hands over the blobs the period needs, in order
/// (``BlobReader``); a third, `git diff-tree`, runs only when files were added, to find those
/// moved in from elsewhere. Only the latest figures of each file are kept while walking, so the
/// files' contents never pile up in memory.
///
/// The whole history is walked, so that a file is known by its story: followed across renames
/// (after the period too, so its figures reach today's name), continued when it comes back at
/// the path it was deleted from. Figures that a file brings when it appears (moved in from
/// elsewhere, restored) are where it starts, not runs; a version of a block seen before (its run
/// id and run count: a copy of another procedure's file, a revert undone) adds nothing.
package struct StatsHistory {
    /// One procedure file followed through the history.
    package struct Track: Sendable {
        /// Its paths in the repository, oldest first: the last is its current (or final) one.
        package var paths: [String]
        /// Whether it still exists at the end of the walk.
        package var exists = true
        /// The path it has at the end.
        package var path: String { paths[paths.count - 1] }
    }

    /// The files followed, by ``StatsChange/track``.
    package private(set) var tracks: [Track] = []
    /// A warning for each version that could not be read (not YAML, a `stats` block `procrun
    /// check` refuses, a blob missing from the repository); the next readable version of the file
    /// counts from its last readable figures.
    package private(set) var unreadable: [Diagnostic] = []

    /// What a blob is read for.
    private enum Wanted {
        /// The figures a file has when the period starts (its last version before it, or the
        /// version it was moved in with).
        case base(track: Int, commit: Int, path: String)
        /// A version a commit in the period wrote.
        case version(track: Int, commit: Int, path: String)
    }

    /// Walks `commits` (oldest first, from ``HistoryLog``) of the repository at `root`, following
    /// the files under `library` (a folder relative to `root`, "" for the top) that
    /// ``LibraryLayout/isProcedurePath(_:)`` allows, or, when `library` is nil, every file the log
    /// lists (the one file of `git log --follow`). `each` receives every change of a commit
    /// between `since` and `until` (seconds since the epoch, both included; nil: no bound), in
    /// history order.
    package init(
        commits: [HistoryCommit], root: String, library: String?, since: Int? = nil, until: Int? = nil, each: @escaping (StatsChange) -> Void
    ) throws(Diagnostic) {
        let prefix = library.map { $0.isEmpty || $0 == "." ? "" : $0 + "/" }
        func followed(_ path: String) -> Bool {
            guard let prefix else { return true }
            return path.hasPrefix(prefix) && LibraryLayout.isProcedurePath(String(path.dropFirst(prefix.count)))
        }
        let moves = prefix.map { prefix in (try? HistoryLog.moves(in: root, commits: commits, folder: String(prefix.dropLast()))) ?? [:] } ?? [:]
        // First the plan: which blobs, in which order, for what.
        var trackAt: [String: Int] = [:]
        var deletedAt: [String: Int] = [:]
        var latestBlob: [Int: String] = [:]
        var inPeriod: Set<Int> = []
        var blobs: [String] = []
        var wanted: [Wanted] = []
        var periodStarted = false
        for (number, commit) in commits.enumerated() {
            let before = since.map { commit.date < $0 } ?? false
            let after = until.map { commit.date > $0 } ?? false
            if !before, !after, !periodStarted {
                // Every file's figures when the period starts: where each counts from, and the
                // versions a copy or a revert undone could bring back.
                periodStarted = true
                for (path, index) in trackAt.sorted(by: { $0.value < $1.value }) {
                    guard let base = latestBlob[index] else { continue }
                    inPeriod.insert(index)
                    blobs.append(base)
                    wanted.append(.base(track: index, commit: number, path: path))
                }
            }
            for change in commit.changes {
                let letter = Character(UnicodeScalar(change.status))
                // The file this change continues, if it continues one.
                var track: Int?
                var movedIn: (path: String, blob: String)?
                switch letter {
                case "D":
                    if let ended = trackAt.removeValue(forKey: change.oldPath) {
                        tracks[ended].exists = false
                        deletedAt[change.oldPath] = ended
                    }
                    continue
                case "R": track = trackAt.removeValue(forKey: change.oldPath)
                case "A":
                    movedIn = moves[commit.sha]?[change.path]
                    // Back at the path it was deleted from: the same procedure, restored.
                    if movedIn == nil, trackAt[change.path] == nil { track = deletedAt.removeValue(forKey: change.path) }
                case "C": track = nil
                default: track = trackAt[change.path]
                }
                // Renamed out of the library, or to a name no procedure has: the file ends here.
                guard followed(change.path), let newBlob = change.newBlob else {
                    if let track { tracks[track].exists = false }
                    continue
                }
                if let replaced = trackAt[change.path], replaced != track { tracks[replaced].exists = false }
                let index: Int
                if let track {
                    index = track
                    tracks[index].exists = true
                    if tracks[index].path != change.path { tracks[index].paths.append(change.path) }
                } else {
                    index = tracks.count
                    // Renamed in the walk's first commit for it, or moved in: its old name is part of its story.
                    let old = movedIn?.path ?? (letter == "R" ? change.oldPath : nil)
                    tracks.append(Track(paths: (old.map { [$0] } ?? []) + [change.path]))
                    if let movedIn { latestBlob[index] = movedIn.blob } else if letter == "R", let oldBlob = change.oldBlob { latestBlob[index] = oldBlob }
                }
                trackAt[change.path] = index
                if before || after {
                    // Outside the period only the story is followed; before it, the last version is
                    // where the period starts.
                    if before { latestBlob[index] = newBlob }
                    continue
                }
                if inPeriod.insert(index).inserted, let base = latestBlob[index] {
                    blobs.append(base)
                    wanted.append(.base(track: index, commit: number, path: change.path))
                }
                blobs.append(newBlob)
                wanted.append(.version(track: index, commit: number, path: change.path))
                latestBlob[index] = newBlob
            }
        }
        // Then the walk, as the blobs arrive.
        var walk = Walk(commits: commits, each: each)
        try BlobReader.read(blobs, in: root) { position, bytes in
            if let bytes { walk.read(bytes, for: wanted[position]) } else { walk.missing(wanted[position], blob: blobs[position]) }
        }
        unreadable = walk.problems
    }

    /// The state of the walk over the blobs: each file's latest figures.
    private struct Walk {
        let commits: [HistoryCommit]
        let each: (StatsChange) -> Void
        /// Each file's latest readable figures.
        var figures: [Int: ProcedureStats] = [:]
        /// The versions of blocks read so far (run id and run count), in any file: one seen
        /// again (a copy, a revert undone) adds no run.
        var seen: Set<String> = []
        /// Files whose figures at the period's start could not be read: their first change counts nothing.
        var unknownStart: Set<Int> = []
        var problems: [Diagnostic] = []

        init(commits: [HistoryCommit], each: @escaping (StatsChange) -> Void) {
            self.commits = commits
            self.each = each
        }

        mutating func read(_ bytes: ArraySlice<UInt8>, for wanted: Wanted) {
            switch wanted {
            case .base(let track, let number, let path):
                do throws(Diagnostic) {
                    let start = try ProcedureStats(version: bytes, path: path)
                    figures[track] = start
                    remember(start)
                } catch {
                    unknownStart.insert(track)
                    warn(path, number, "its figures before commit \(commits[number].sha.prefix(10)) do not read (\(error.message)), so that commit counts nothing")
                }
            case .version(let track, let number, let path):
                let after: ProcedureStats
                do throws(Diagnostic) {
                    after = try ProcedureStats(version: bytes, path: path)
                } catch {
                    warn(path, number, error.message)
                    return
                }
                var before = figures[track] ?? ProcedureStats()
                if unknownStart.remove(track) != nil { before = after }
                figures[track] = after
                guard after != before else { return }
                let repeated = after.versionKey.map { seen.contains($0) } ?? false
                remember(after)
                let wentDown = after.executionCount < before.executionCount
                let delta = repeated || wentDown ? ProcedureStats() : after.subtracting(before)
                each(StatsChange(track: track, commit: commits[number].summary, path: path, delta: delta, after: after, wentDown: wentDown))
            }
        }

        /// A blob git does not have (a damaged repository, a partial clone).
        mutating func missing(_ wanted: Wanted, blob: String) {
            switch wanted {
            case .base(let track, let number, let path):
                unknownStart.insert(track)
                warn(path, number, "blob \(blob.prefix(10)) is missing from the repository")
            case .version(_, let number, let path):
                warn(path, number, "blob \(blob.prefix(10)) is missing from the repository")
            }
        }

        mutating func remember(_ stats: ProcedureStats) {
            if let key = stats.versionKey { seen.insert(key) }
        }

        mutating func warn(_ path: String, _ number: Int, _ reason: String) {
            let commit = String(commits[number].sha.prefix(10))
            problems.append(Diagnostic(LearningProblem.versionUnreadable(commit: commit, reason: reason), .warning, path: path))
        }
    }
}

extension ProcedureStats {
    /// What tells one written version of a block from another: its run id and run count (nil
    /// without a run id, in a block written by hand).
    fileprivate var versionKey: String? { runID.map { "\($0)/\(executionCount)" } }
}
