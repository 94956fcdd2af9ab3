import ProcrunLanguage
package import ProcrunText

/// Walks the figures of a library's procedure files along its first-parent git history: each
/// commit that changed a file's `stats` block becomes a ``StatsChange`` with the runs it added.
///
/// Two git processes in all: one `git log` lists the commits and the blobs they wrote
/// (``HistoryLog``), one `git cat-file --batch` hands the blobs over in order (``BlobReader``).
/// Only the latest figures of each file are kept while walking, so memory does not grow with the
/// length of the history. A file is followed across renames; a copy or a file added again after
/// being deleted is a new one.
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
    /// check` refuses); the next readable version of the file counts from its last readable figures.
    package private(set) var unreadable: [Diagnostic] = []

    /// What to read: a blob before a file's first change in the walk (the figures it starts
    /// from), or the version a commit wrote.
    private enum Wanted {
        case base(track: Int)
        case version(track: Int, commit: Int, path: String)
    }

    /// Walks `commits` (oldest first, from ``HistoryLog``) of the repository at `root`, following
    /// the files under `library` (a folder relative to `root`, "" for the top) that
    /// ``LibraryLayout/isProcedurePath(_:)`` allows, or, when `library` is nil, every file the log
    /// lists (the one file of `git log --follow`); `each` receives every change, in history order.
    package init(commits: [HistoryCommit], root: String, library: String?, each: @escaping (StatsChange) -> Void) throws(Diagnostic) {
        let prefix = library.map { $0.isEmpty || $0 == "." ? "" : $0 + "/" }
        func followed(_ path: String) -> Bool {
            guard let prefix else { return true }
            return path.hasPrefix(prefix) && LibraryLayout.isProcedurePath(String(path.dropFirst(prefix.count)))
        }
        // First the plan: which blobs, in which order, for what.
        var trackAt: [String: Int] = [:]
        var started: Set<Int> = []
        var blobs: [String] = []
        var wanted: [Wanted] = []
        for (number, commit) in commits.enumerated() {
            for change in commit.changes {
                let letter = Character(UnicodeScalar(change.status))
                // The file this change continues, if it continues one.
                var track: Int?
                switch letter {
                case "D":
                    if let ended = trackAt.removeValue(forKey: change.oldPath) { tracks[ended].exists = false }
                    continue
                case "R": track = trackAt.removeValue(forKey: change.oldPath)
                case "A", "C": track = nil
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
                    if tracks[index].path != change.path { tracks[index].paths.append(change.path) }
                } else {
                    index = tracks.count
                    // Renamed in the walk's first commit for it: its old name is part of its story.
                    tracks.append(Track(paths: letter == "R" ? [change.oldPath, change.path] : [change.path]))
                }
                trackAt[change.path] = index
                // A file met first in the middle of its life (the walk starts at `--since`, or it
                // was renamed into the library) counts from the figures it had before.
                if started.insert(index).inserted, letter != "A", letter != "C", let oldBlob = change.oldBlob {
                    blobs.append(oldBlob)
                    wanted.append(.base(track: index))
                }
                blobs.append(newBlob)
                wanted.append(.version(track: index, commit: number, path: change.path))
            }
        }
        // Then the walk, as the blobs arrive.
        var figures: [Int: ProcedureStats] = [:]
        var problems: [Diagnostic] = []
        try BlobReader.read(blobs, in: root) { position, bytes in
            switch wanted[position] {
            case .base(let track):
                figures[track] = try? ProcedureStats(version: bytes, path: "")
            case .version(let track, let number, let path):
                let after: ProcedureStats
                do throws(Diagnostic) {
                    after = try ProcedureStats(version: bytes, path: path)
                } catch {
                    let commit = String(commits[number].sha.prefix(10))
                    problems.append(Diagnostic(LearningProblem.versionUnreadable(commit: commit, reason: error.message), .warning, path: path))
                    return
                }
                let before = figures[track] ?? ProcedureStats()
                figures[track] = after
                guard after != before else { return }
                let wentDown = after.executionCount < before.executionCount
                let delta = wentDown ? ProcedureStats() : after.subtracting(before)
                each(StatsChange(track: track, commit: commits[number].summary, path: path, delta: delta, after: after, wentDown: wentDown))
            }
        }
        unreadable = problems
    }
}
