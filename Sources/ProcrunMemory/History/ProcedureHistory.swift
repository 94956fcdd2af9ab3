import ProcrunLanguage
package import ProcrunText

/// One procedure file's figures along its git history (`procrun history`): a point for each
/// first-parent commit that added runs to its `stats` block, renames followed.
package struct ProcedureHistory: Sendable {
    /// One commit that added runs.
    package struct Point: Sendable {
        /// The commit.
        package var commit: HistoryCommit.Summary
        /// The file's path in the repository at that commit.
        package var path: String
        /// The runs it added: counters, durations and steps.
        package var added: ProcedureStats
        /// The steps with failures among the runs added, in the file's order.
        package var failedSteps: [(key: String, stats: StepStats)] { added.steps.filter { $0.stats.failures > 0 } }
    }

    /// The file's path in the repository now (the last of ``paths``).
    package var path: String
    /// Its paths along the history, oldest first (more than one when it was renamed).
    package var paths: [String]
    /// The commits that added runs, oldest first.
    package var points: [Point] = []
    /// Commits where the counters went down (a revert, a reset): nothing was counted there.
    package var wentDown: [HistoryCommit.Summary] = []
    /// Versions that could not be read, and a shallow clone's cut.
    package var warnings: [Diagnostic] = []

    /// The history of the file at `file` (a path from the current folder, inside a git
    /// repository), between `since` and `until` (seconds since the epoch; nil: no bound).
    package init(file: String, since: Int? = nil, until: Int? = nil) throws(Diagnostic) {
        let root = try Git.topLevel(of: FileSystem.directory(of: file))
        guard let relative = FileSystem.relative(file, to: root), !relative.isEmpty else {
            throw Diagnostic(LearningProblem.notInRepository(folder: file, message: "not under \(root)"))
        }
        path = relative
        paths = [relative]
        let commits = try HistoryLog.commits(in: root, paths: [relative], follow: true)
        var points: [Point] = []
        var wentDown: [HistoryCommit.Summary] = []
        let walk = try StatsHistory(commits: commits, root: root, library: nil, since: since, until: until) { change in
            if change.wentDown {
                wentDown.append(change.commit)
            } else if change.delta.executionCount > 0 {
                points.append(Point(commit: change.commit, path: change.path, added: change.delta))
            }
        }
        self.points = points
        self.wentDown = wentDown
        warnings = walk.unreadable + [try HistoryLog.shallowWarning(in: root)].compactMap { $0 }
        if let track = walk.tracks.last { paths = track.paths.last == relative ? track.paths : track.paths + [relative] }
    }
}
