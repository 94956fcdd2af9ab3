/// What one commit did to one procedure's figures: the runs it added (``delta``) and the figures
/// after it.
package struct StatsChange: Sendable {
    /// The procedure's identity along the history (its file, followed across renames): the index
    /// of its ``StatsHistory/Track``.
    package var track: Int
    /// The commit.
    package var commit: HistoryCommit.Summary
    /// The file's path in the repository at that commit.
    package var path: String
    /// What the commit added: each counter's increase over the figures before it.
    package var delta: ProcedureStats
    /// The figures after the commit.
    package var after: ProcedureStats
    /// Whether the counters went down (a revert, a reset, a hand edit): nothing is counted as
    /// added, and later commits count from the new figures.
    package var wentDown: Bool
}

extension HistoryCommit {
    /// A commit without its changes: what a point of a series names.
    package struct Summary: Sendable, Hashable {
        /// The commit's full hexadecimal name.
        package var sha: String
        /// Whether it is a merge.
        package var isMerge: Bool
        /// When it was committed, in seconds since the epoch.
        package var date: Int
        /// Its subject line.
        package var subject: String
    }

    /// The commit without its changes.
    package var summary: Summary { Summary(sha: sha, isMerge: isMerge, date: date, subject: subject) }
}
