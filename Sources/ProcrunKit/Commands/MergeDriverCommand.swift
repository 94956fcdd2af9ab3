package import ArgumentParser
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun merge-driver BASE OURS THEIRS [MARKER-SIZE] [PATH] [BASE-LABEL OURS-LABEL THEIRS-LABEL]`:
/// git's custom merge driver for procedure files (`%O %A %B %L %P %S %X %Y`). Writes the merge into
/// OURS; exits 0 when clean, 1 when the authored part has conflicts (left marked in the file, with
/// git's labels), 2 when the merge could not be done.
package struct MergeDriverCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver for procedure files: sums the stats of both branches, merges the rest like git.",
        discussion: "Installed by 'procrun git-setup'; git runs it as: procrun merge-driver %O %A %B %L %P %S %X %Y")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The common ancestor's temporary file (`%O`).
    @Argument(help: "The common ancestor's version (%O).")
    var base: String
    /// The current branch's temporary file, which receives the result (`%A`).
    @Argument(help: "The current branch's version, which receives the result (%A).")
    var ours: String
    /// The other branch's temporary file (`%B`).
    @Argument(help: "The other branch's version (%B).")
    var theirs: String
    /// The conflict marker length (`%L`).
    @Argument(help: "The conflict marker size (%L).")
    var markerSize: Int = 7
    /// The file's path in the repository (`%P`), for messages.
    @Argument(help: "The file's path in the repository (%P).")
    var path: String?
    /// The labels git passes (`%S %X %Y`, git 2.44 and later); nil, empty or the placeholder itself
    /// (an older git leaves it as it is) means not given. See ``labels(environment:)``.
    @Argument(help: "The conflict label of the common ancestor (%S, git 2.44 and later).")
    var baseLabel: String?
    /// The current branch's conflict label (`%X`), as ``baseLabel``.
    @Argument(help: "The conflict label of the current branch (%X; default HEAD).")
    var oursLabel: String?
    /// The other branch's conflict label (`%Y`), as ``baseLabel``.
    @Argument(help: "The conflict label of the other branch (%Y; default the merged branch's name).")
    var theirsLabel: String?

    /// A driver run as git gives it (the three files are required).
    package init() {}

    /// Merges; the result is the exit code git expects.
    package func execute(stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: false)
        let name = path ?? ours
        do throws(Diagnostic) {
            var merger = StatsMerger(base: try read(base, as: name), ours: try read(ours, as: name), theirs: try read(theirs, as: name))
            merger.markerSize = markerSize
            merger.labels = labels()
            let result = try merger.merge()
            do {
                try FileSystem.write(result.bytes, to: ours)
            } catch {
                throw Diagnostic(CommandProblem.fileOperation(reason: error.description), path: name)
            }
            if result.conflicted {
                stderr.write(
                    !result.statsMerged
                        ? "\(name): not a procedure procrun could read, so it was merged as plain text; it has conflicts to resolve\n"
                        : result.stats == nil
                            ? "\(name): no side has a stats block; the file has conflicts to resolve\n"
                            : "\(name): the stats blocks were added up; the rest of the file has conflicts to resolve\n")
            }
            stderr.flush()
            return CommandFailure.exitStatus(of: result.conflicted ? .failed() : nil)
        } catch {
            return stderr.reject(error, renderer)
        }
    }

    /// The conflict labels: those git passed; else what git itself writes in a merge: `HEAD` for
    /// ours, the merged branch's name (git's `GITHEAD_<commit>` variable) for theirs.
    func labels(environment: [String: String] = FileSystem.environment()) -> StatsMerger.Labels {
        func given(_ label: String?, _ placeholder: String) -> String? {
            guard let label, !label.isEmpty, label != placeholder else { return nil }
            return label
        }
        let merged = environment.filter { $0.key.hasPrefix("GITHEAD_") }.map(\.value)
        return StatsMerger.Labels(
            base: given(baseLabel, "%S") ?? StatsMerger.Labels.standard.base,
            ours: given(oursLabel, "%X") ?? StatsMerger.Labels.standard.ours,
            theirs: given(theirsLabel, "%Y") ?? (merged.count == 1 ? merged[0] : StatsMerger.Labels.standard.theirs))
    }

    private func read(_ file: String, as name: String) throws(Diagnostic) -> SourceFile {
        let read = try SourceFile.read(file)
        return SourceFile(path: name, bytes: read.bytes)
    }
}
