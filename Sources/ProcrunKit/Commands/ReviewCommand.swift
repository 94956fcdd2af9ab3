package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun review [BASE [HEAD]]`: what a change to a library means for a reviewer. For each
/// procedure file changed between two versions, its authored changes in words and what its record
/// says now (``ProcedureReview``), as text, Markdown or JSON.
///
/// BASE defaults to the merge base of `HEAD` with its upstream branch, else with the default branch
/// (`init.defaultBranch`, `main`, `master`; else `HEAD`), HEAD to the
/// working tree (untracked files included); old versions are read through git.
package struct ReviewCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarize what a change does to a library's procedures: authored changes and what their record says now.",
        discussion: """
            BASE defaults to the merge base with the upstream branch, else with the default branch (init.defaultBranch, main, master), else HEAD; HEAD to the working tree.

            Examples:
              # what this branch, and what is not committed yet, does to the library
              procrun review
              # a pull request's summary, for a CI job
              procrun review origin/main HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The output formats.
    package enum Format: String, Sendable, CaseIterable {
        /// Lines for a terminal or a log.
        case text
        /// For a pull-request comment or a CI job's summary.
        case markdown
        /// One line of JSON, for tools.
        case json
    }

    /// The version compared from (a git revision).
    @Argument(help: "The version compared from (default: the merge base with the upstream branch, else with main or master, else HEAD).")
    var base: String?
    /// The version compared to (a git revision; nil: the working tree).
    @Argument(help: "The version compared to (default: the working tree).")
    var head: String?
    /// `--format`.
    @OptionGroup var format: FormatOption<Format>
    /// The folder inside the repository (default: the current folder).
    var folder = "."

    /// What the command line sets: all but ``folder``.
    enum CodingKeys: CodingKey {
        case base, head, format
    }

    /// A review of the current folder's repository.
    package init() {}

    /// Reviews; 0 when done, 1 when a changed procedure file does not read at HEAD, 2 when git
    /// cannot answer (not a repository, an unknown revision).
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        do throws(Diagnostic) {
            let report = try collect()
            switch format.value {
            case .text: stdout.write(report.text())
            case .markdown: stdout.write(report.markdown())
            case .json: stdout.write(report.json() + "\n")
            }
            stdout.flush()
            return CommandFailure.exitStatus(of: report.reviews.contains { $0.problems.contains { $0.side == "head" } } ? .failed() : nil)
        } catch {
            return stderr.reject(error, DiagnosticRenderer(color: false))
        }
    }

    /// The report: every changed procedure file, reviewed, in path order.
    func collect() throws(Diagnostic) -> ReviewReport {
        let root = try Git.topLevel(of: folder)
        let (baseRevision, baseLabel) = try resolveBase(root)
        if let head { try Self.verify(head, in: root) }
        var arguments = ["diff", "--name-only", "-z", "--no-renames", baseRevision]
        if let head { arguments.append(head) }
        var paths = Git.names(try Git.output(arguments + ["--"], in: root))
        if head == nil { paths += Git.names(try Git.output(["ls-files", "--others", "--exclude-standard", "-z"], in: root)) }
        var reviews: [ProcedureReview] = []
        for path in Set(paths).sorted() where Self.isProcedureName(path) {
            let old = try Self.version(of: path, at: baseRevision, root: root)
            let new: [UInt8]?
            if let head {
                new = try Self.version(of: path, at: head, root: root)
            } else {
                new = FileSystem.entryKind(FileSystem.join(root, path)) == .file ? try? FileSystem.read(FileSystem.join(root, path)) : nil
            }
            guard old != nil || new != nil, ProcedureReview.concerns(base: old, head: new, path: path) else { continue }
            reviews.append(ProcedureReview(path: path, base: old, head: new))
        }
        return ReviewReport(base: baseLabel, head: head ?? ReviewReport.workingTree, reviews: reviews)
    }

    /// The base revision and how to name it.
    private func resolveBase(_ root: String) throws(Diagnostic) -> (revision: String, label: String) {
        if let base {
            try Self.verify(base, in: root)
            return (base, base)
        }
        var branches: [String] = []
        let upstream = try Git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], in: root)
        if upstream.status == 0 { branches.append(upstream.stdout.trimmingSpaces()) }
        // Without an upstream (a local branch), the repository's default branch: init.defaultBranch,
        // else main, else master; never the branch checked out, whose merge base is HEAD itself.
        let current = try Git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], in: root).stdout.trimmingSpaces()
        let configured = try Git.run(["config", "--get", "init.defaultBranch"], in: root).stdout.trimmingSpaces()
        for name in [configured, "main", "master"] where !name.isEmpty && name != current && !branches.contains(name) {
            if try Git.run(["rev-parse", "--verify", "--quiet", "refs/heads/\(name)"], in: root).status == 0 { branches.append(name) }
        }
        for name in branches {
            let mergeBase = try Git.run(["merge-base", "HEAD", name], in: root)
            if mergeBase.status == 0 {
                let sha = mergeBase.stdout.trimmingSpaces()
                return (sha, "\(sha.prefix(10)) (the merge base with \(name))")
            }
        }
        return ("HEAD", "HEAD")
    }

    /// Throws, naming `revision`, when it is no commit of the repository.
    private static func verify(_ revision: String, in root: String) throws(Diagnostic) {
        if try Git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root).status != 0 {
            throw Diagnostic(LearningProblem.unknownRevision(revision: revision))
        }
    }

    /// A file's bytes at a revision, nil when it does not exist there.
    static func version(of path: String, at revision: String, root: String) throws(Diagnostic) -> [UInt8]? {
        let shown = try Git.run(["cat-file", "blob", "\(revision):\(path)"], in: root)
        return shown.status == 0 ? shown.bytes : nil
    }

    /// Whether a path may hold a procedure: `.yaml` or `.yml`, not a library's `procrun.yaml`.
    static func isProcedureName(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != Library.configName
    }
}
