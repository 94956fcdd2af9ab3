package import ProcrunText

/// Reads a repository's first-parent history of some paths with one `git log` process.
///
/// Merges are diffed against their first parent only (`-m --first-parent`): what a merged branch
/// added appears once, at the merge, and the branch's own commits are not walked, so no run is
/// counted twice. Renames are found (`-M`), and followed across paths with `follow` (one file).
package enum HistoryLog {
    /// The commits that changed `paths` (relative to `root`, the repository's top folder), oldest
    /// first, between `since` and `until` (seconds since the epoch, both included; nil: no bound).
    package static func commits(in root: String, paths: [String], follow: Bool = false, since: Int? = nil, until: Int? = nil)
        throws(Diagnostic) -> [HistoryCommit]
    {
        var arguments = [
            "-c", "core.quotepath=off", "log", "--first-parent", "-m", "--no-color", "--raw", "-z", "--no-abbrev", "-M",
            "--format=%x1e%H%x1f%P%x1f%ct%x1f%s",
        ]
        if follow { arguments.append("--follow") }
        if let since { arguments.append("--since=@\(since)") }
        if let until { arguments.append("--until=@\(until)") }
        // An empty repository has no HEAD to walk: it has no history yet, which is not an error.
        guard try Git.run(["rev-parse", "--verify", "--quiet", "HEAD"], in: root).status == 0 else { return [] }
        let output = try Git.output(arguments + ["--"] + paths, in: root)
        return parse(output.bytes).reversed()
    }

    /// A warning when the repository at `root` is a shallow clone (a CI checkout's default): its
    /// history starts at the cut, whose commit holds every run recorded before it.
    package static func shallowWarning(in root: String) throws(Diagnostic) -> Diagnostic? {
        let answer = try Git.run(["rev-parse", "--is-shallow-repository"], in: root)
        guard answer.status == 0, answer.stdout.hasPrefix("true") else { return nil }
        return Diagnostic(LearningProblem.shallowClone(folder: root), .warning)
    }

    /// The commits of `git log --raw -z` output in the format ``commits(in:paths:follow:since:until:)``
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
            let parents = field(until: 0x1F)
            let date = Int(field(until: 0x1F)) ?? 0
            let subject = field(until: 0)
            var commit = HistoryCommit(sha: sha, isMerge: parents.contains(" "), date: date, subject: subject, changes: [])
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
