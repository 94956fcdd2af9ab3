package import ProcrunText

/// Reads a repository's first-parent history of some paths with one `git log` process (and, for
/// files moved into them from elsewhere, one `git diff-tree`).
///
/// Merges are diffed against their first parent only (`-m --first-parent`): what a merged branch
/// added appears once, at the merge, and the branch's own commits are not walked, so no run is
/// counted twice. Renames are found (`-M`), and followed across paths with `follow` (one file).
package enum HistoryLog {
    /// The commits that changed `paths` (relative to `root`, the repository's top folder, taken
    /// literally), oldest first, the whole first-parent history of `HEAD`: the period is cut by
    /// the walk (``StatsHistory``), so that a file is followed through renames after the period
    /// too, and dates of any year are compared as numbers.
    package static func commits(in root: String, paths: [String], follow: Bool = false) throws(Diagnostic) -> [HistoryCommit] {
        var arguments = [
            "--literal-pathspecs", "log", "--first-parent", "-m", "--no-color", "--raw", "-z", "--no-abbrev", "-M",
            "--format=%x1e%H%x1f%P%x1f%ct%x1f%s",
        ]
        if follow { arguments.append("--follow") }
        // An empty repository has no HEAD to walk: it has no history yet, which is not an error.
        guard try Git.run(["rev-parse", "--verify", "--quiet", "HEAD"], in: root).status == 0 else { return [] }
        let output = try Git.output(arguments + ["--"] + paths, in: root)
        return parse(output.bytes).reversed()
    }

    /// Where the files that `commits` added under `folder` (`folder/` a prefix of their paths)
    /// came from, when a commit moved them from elsewhere in the repository: by commit, the added
    /// path's old path and blob. One `git diff-tree --stdin` process for all of them: `git log`
    /// limited to the library sees such a move as an added file.
    package static func moves(in root: String, commits: [HistoryCommit], folder: String) throws(Diagnostic) -> [String: [String: (path: String, blob: String)]] {
        var input: [UInt8] = []
        for commit in commits {
            guard let parent = commit.firstParent, commit.changes.contains(where: { $0.status == UInt8(ascii: "A") }) else { continue }
            input += Array("\(commit.sha) \(parent)\n".utf8)
        }
        guard !input.isEmpty else { return [:] }
        let collector = MoveCollector(prefix: folder.isEmpty ? "" : folder + "/")
        try Git.stream(["--literal-pathspecs", "diff-tree", "--stdin", "-r", "-z", "--raw", "--no-abbrev", "-M", "--diff-filter=R"], input: input, in: root) {
            collector.consume($0)
        }
        return collector.finish()
    }

    /// A warning when the repository at `root` is a shallow clone (a CI checkout's default): its
    /// history starts at the cut, whose commit holds every run recorded before it.
    package static func shallowWarning(in root: String) throws(Diagnostic) -> Diagnostic? {
        let answer = try Git.run(["rev-parse", "--is-shallow-repository"], in: root)
        guard answer.status == 0, answer.stdout.hasPrefix("true") else { return nil }
        return Diagnostic(LearningProblem.shallowClone(folder: root), .warning)
    }

    /// The commits of `git log --raw -z` output in the format ``commits(in:paths:follow:)``
    /// asks for, newest first as git prints them.
    static func parse(_ bytes: [UInt8]) -> [HistoryCommit] {
        var commits: [HistoryCommit] = []
        var index = 0
        func field(until end: UInt8) -> String {
            let start = index
            while index < bytes.count, bytes[index] != end, bytes[index] != 0x1E { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if index < bytes.count, bytes[index] == end { index += 1 }
            return text
        }
        while index < bytes.count {
            guard bytes[index] == 0x1E else {
                index += 1
                continue
            }
            index += 1
            let sha = field(until: 0x1F)
            let parents = field(until: 0x1F).split(separator: " ")
            let date = Int(field(until: 0x1F)) ?? 0
            let subject = field(until: 0)
            var commit = HistoryCommit(
                sha: sha, isMerge: parents.count > 1, firstParent: parents.first.map(String.init), date: date, subject: subject, changes: [])
            // The raw entries: `:MODE MODE OLD NEW STATUS\0PATH\0` (a second path for R and C).
            while index < bytes.count, bytes[index] != 0x1E {
                guard bytes[index] == UInt8(ascii: ":") else {
                    index += 1
                    continue
                }
                let words = field(until: 0).split(separator: " ")
                guard words.count == 5, let letter = words[4].utf8.first else { continue }
                let oldBlob = words[2].allSatisfy { $0 == "0" } ? nil : String(words[2])
                let newBlob = words[3].allSatisfy { $0 == "0" } ? nil : String(words[3])
                let first = field(until: 0)
                let paired = letter == UInt8(ascii: "R") || letter == UInt8(ascii: "C")
                let second = paired ? field(until: 0) : first
                commit.changes.append(.init(status: letter, oldPath: first, path: second, oldBlob: oldBlob, newBlob: newBlob))
            }
            commits.append(commit)
        }
        return commits
    }
}
