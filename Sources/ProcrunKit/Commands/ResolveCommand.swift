package import ArgumentParser
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun resolve [FILE...]`: after a merge that left conflicts in procedure files (no merge
/// driver was installed, or a hosting service merged), merges each file's stats exactly as
/// `procrun merge-driver` would, from git's index stages (1 base, 2 ours, 3 theirs), and writes the
/// result (atomically, under the file's lock). A file with nothing else conflicted is `git add`ed;
/// conflicts in the authored part stay, with their markers, and are reported.
package struct ResolveCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "After a merge left conflicts in procedure files, merge their stats as the merge driver would.",
        discussion: "Reads git's index stages (base, ours, theirs); a file with nothing else conflicted is added to the index.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The files (default: every conflicted `.yaml` or `.yml` file but `procrun.yaml`).
    @Argument(help: "The conflicted procedure files (default: every conflicted .yaml or .yml file).")
    var files: [String] = []
    /// The folder git runs in (default: the current folder).
    var folder = "."

    /// What the command line sets: all but ``folder``.
    enum CodingKeys: CodingKey {
        case files
    }

    /// A resolution in the current folder.
    package init() {}

    /// Resolves; 0 when every file was resolved and added, 1 when conflicts remain for a person,
    /// 2 when git cannot answer.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        do throws(Diagnostic) {
            _ = try Git.topLevel(of: folder)
            var files = self.files
            if files.isEmpty {
                let conflicted = try Git.output(["diff", "--name-only", "-z", "--diff-filter=U", "--relative"], in: folder)
                files = Git.names(conflicted).filter(ReviewCommand.isProcedureName)
                if files.isEmpty {
                    stdout.write("no conflicted procedure files\n")
                    stdout.flush()
                    return ExitStatus.success
                }
            }
            var left = 0
            for file in files {
                if !(try resolve(file, stdout: stdout, stderr: stderr)) { left += 1 }
            }
            stdout.flush()
            if left > 0 {
                stderr.write("\(left) file\(left == 1 ? "" : "s") still conflicted: resolve the marked lines, then 'git add' \(left == 1 ? "it" : "them")\n")
            }
            stderr.flush()
            return CommandFailure.exitStatus(of: left == 0 ? nil : .failed())
        } catch {
            stdout.flush()
            return stderr.reject(error, DiagnosticRenderer(color: false))
        }
    }

    /// Resolves one file; false when conflicts remain in it.
    private func resolve(_ file: String, stdout: TextOutput, stderr: TextOutput) throws(Diagnostic) -> Bool {
        let path = folder == "." ? file : FileSystem.join(folder, file)
        var stages: [Int: [UInt8]] = [:]
        let entries = try Git.output(["ls-files", "-u", "-z", "--", file], in: folder)
        for entry in Git.names(entries) {
            // `MODE SHA STAGE\tPATH`
            let fields = entry.split(separator: "\t", maxSplits: 1).first?.split(separator: " ") ?? []
            guard fields.count == 3, let stage = Int(fields[2]) else { continue }
            stages[stage] = try Git.output(["cat-file", "blob", String(fields[1])], in: folder).bytes
        }
        guard !stages.isEmpty else {
            stdout.write("\(file): not conflicted; nothing to resolve\n")
            return true
        }
        guard let ours = stages[2], let theirs = stages[3] else {
            stderr.write("\(file): deleted on one side of the merge; keep or remove it by hand, then 'git add' or 'git rm' it\n")
            return false
        }
        let merger = StatsMerger(
            base: SourceFile(path: file, bytes: stages[1] ?? []), ours: SourceFile(path: file, bytes: ours),
            theirs: SourceFile(path: file, bytes: theirs))
        let result = try merger.merge()
        do {
            try FileSystem.writeAtomically(result.bytes, to: path, locking: true)
        } catch {
            throw Diagnostic(CommandProblem.fileOperation(reason: error.description), path: file)
        }
        let merged = result.stats.map { "stats merged (\($0.executionCount) run\($0.executionCount == 1 ? "" : "s"))" }
            ?? (result.statsMerged ? "merged as text (no side has a stats block)" : "merged as text (a side is not a procedure that reads)")
        if result.conflicted {
            let lines = ConflictMarkers.lines(in: result.bytes)
            for line in lines {
                stderr.write("\(file):\(line): conflict in the authored part, left with its markers\n")
            }
            stdout.write("\(file): \(merged); conflicts left in the authored part\n")
            return false
        }
        _ = try Git.output(["add", "--", file], in: folder)
        stdout.write("\(file): \(merged); added to the index\n")
        return true
    }
}
