/// One commit of a library's first-parent history, as `git log --raw` lists it: who it is, when it
/// was made, and the files it changed compared with its first parent.
package struct HistoryCommit: Sendable, Hashable {
    /// The commit's full hexadecimal name.
    package var sha: String
    /// Whether it has more than one parent: a merge, whose changes are what the merge brought to
    /// the first parent (each run of the merged branch counted once, at the merge).
    package var isMerge: Bool
    /// Its first parent's name; nil for a root commit.
    package var firstParent: String?
    /// When it was committed, in seconds since the epoch (the committer date).
    package var date: Int
    /// Its subject line.
    package var subject: String
    /// The files it changed, in git's order.
    package var changes: [Change]

    /// One changed file: its path before and after (they differ for a rename) and the blobs.
    package struct Change: Sendable, Hashable {
        /// git's status letter: `A`dded, `M`odified, `D`eleted, `R`enamed, `C`opied, `T`ype changed.
        package var status: UInt8
        /// The path in the first parent (the old name of a renamed file).
        package var oldPath: String
        /// The path in this commit.
        package var path: String
        /// The blob in the first parent; nil for an added file.
        package var oldBlob: String?
        /// The blob in this commit; nil for a deleted file.
        package var newBlob: String?
    }
}
