package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun merge KEEP OTHER...`: points the others to the kept procedure (two lines spliced into
/// each: `superseded_by` and `superseded_reason`) or, with `--archive`, moves them to `archive/`.
/// Nothing is deleted, and `--dry-run` shows the change without making it.
package struct MergeCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Mark procedures as superseded by the one kept (or archive them); nothing is deleted.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure to keep.
    @Argument(help: "The procedure to keep.")
    var keep: String
    /// The procedures it replaces.
    @Argument(help: "The procedures it replaces.")
    var others: [String] = []
    /// `--reason TEXT`; by default a reason naming the kept procedure and its record.
    @Option(help: ArgumentHelp("Why they were merged (default: the similarity and both records).", valueName: "TEXT"))
    var reason: String?
    /// `--archive`: move the others to `archive/` instead of marking them.
    @Flag(help: "Move the others to archive/ in the library instead of marking them.")
    var archive = false
    /// `--force`: merge even procedures that do opposite things (``Opposites``).
    @Flag(help: "Merge even procedures that do opposite things (add and delete, backup and restore).")
    var force = false
    /// `--dry-run`: print the change, make none.
    @Flag(help: "Show the change without making it.")
    var dryRun = false
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A merge as the command line gives it (the procedure to keep is required).
    package init() {}

    /// Merges; 0 when every other procedure was marked or archived, 2 when nothing was changed
    /// because of a problem (every problem is checked before any file is touched).
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        func fail(_ diagnostics: [Diagnostic]) -> Int32 {
            return stderr.reject(diagnostics, renderer)
        }
        let found: Library
        do {
            found = try Library.locate(override: library.path)
        } catch {
            return fail(error.diagnostics)
        }
        guard !others.isEmpty else { return fail([Diagnostic(CommandProblem.nothingToMerge(keep: keep))]) }
        let summaries = LibraryIndex(root: found.root).documents.map(\.summary)
        let index = ProcedureIndex(root: found.root)
        var problems: [Diagnostic] = []
        func resolve(_ name: String) -> ProcedureSummary? {
            switch index.resolve(name) {
            case .refused(let problem):
                problems.append(problem)
                return nil
            case .found(let path, let key):
                if let summary = summaries.first(where: { $0.path == path }) ?? summaries.first(where: { FileSystem.realPath($0.path) == key }) {
                    return summary
                }
                problems.append(Diagnostic(CommandProblem.mergeUnreadable(name: name, path: path)))
                return nil
            }
        }
        let kept = resolve(keep)
        var targets: [ProcedureSummary] = []
        for name in others {
            if name == keep {
                problems.append(Diagnostic(CommandProblem.mergeIntoItself(name: name)))
            } else if targets.contains(where: { $0.name == name }) {
                problems.append(Diagnostic(CommandProblem.namedTwice(name: name)))
            } else if let summary = resolve(name) {
                targets.append(summary)
            }
        }
        if let kept, let superseded = kept.supersededBy {
            problems.append(Diagnostic(CommandProblem.keptSuperseded(keep: keep, by: superseded)))
        }
        if let kept, !force {
            let keptWords = Opposites.words(of: kept)
            for target in targets {
                guard let (mine, theirs) = Opposites.contrast(keptWords, Opposites.words(of: target)) else { continue }
                problems.append(Diagnostic(CommandProblem.opposites(target: target.name, keep: keep, theirs: theirs, mine: mine)))
            }
        }
        guard let kept, problems.isEmpty else { return fail(problems) }

        var changes: [(path: String, bytes: [UInt8], lines: [String])] = []
        if !archive {
            for target in targets {
                let file: SourceFile
                do {
                    file = try SourceFile.read(target.path)
                } catch {
                    problems.append(error)
                    continue
                }
                renderer.add(file)
                let why = reason ?? Self.defaultReason(kept: kept, other: target)
                do {
                    let marked = try SupersededMarker.mark(file, keep: kept.name, reason: why)
                    changes.append((target.path, marked.bytes, marked.lines))
                } catch {
                    problems += error.diagnostics
                }
            }
            if !problems.isEmpty { return fail(problems) }
        }
        for (index, target) in targets.enumerated() {
            if archive {
                let destination = Self.archivePath(for: target, root: found.root)
                if !dryRun {
                    do {
                        try FileSystem.createDirectories(FileSystem.directory(of: destination))
                        try FileSystem.rename(target.path, to: destination)
                    } catch {
                        return fail([Diagnostic(CommandProblem.fileOperation(reason: error.description))])
                    }
                }
                stdout.write("\(dryRun ? "would move" : "moved") \(target.path) to \(destination) (kept: \(kept.name))\n")
            } else {
                let change = changes[index]
                if !dryRun {
                    do {
                        try FileSystem.writeAtomically(change.bytes, to: change.path, locking: true)
                    } catch {
                        return fail([Diagnostic(CommandProblem.fileOperation(reason: error.description))])
                    }
                }
                stdout.write("\(dryRun ? "would mark" : "marked") \(change.path):\n")
                for line in change.lines { stdout.write("  + \(line)\n") }
            }
        }
        if !dryRun {
            stdout.write(archive ? "nothing was deleted; archived procedures are no longer found or run from the library's listing\n"
                : "the marked procedures stay on disk and still run; find and similar leave them out (review with your version control's diff)\n")
        }
        stdout.flush()
        return ExitStatus.success
    }

    static func defaultReason(kept: ProcedureSummary, other: ProcedureSummary) -> String {
        let similarity = Int((SimilarityFinder.similarity(kept, other) * 100).rounded())
        return "merged into \(kept.name) by procrun merge (\(similarity)% similar); \(kept.name): \(SimilarCommand.record(kept)); this one: \(SimilarCommand.record(other))"
    }

    static func archivePath(for summary: ProcedureSummary, root: String) -> String {
        let name = String(summary.path.split(separator: "/").last ?? "procedure.yaml")
        var destination = FileSystem.join(FileSystem.join(root, LibraryLayout.archiveFolder), name)
        var counter = 2
        while FileSystem.exists(destination) {
            destination = FileSystem.join(FileSystem.join(root, LibraryLayout.archiveFolder), "\(counter)-" + name)
            counter += 1
        }
        return destination
    }
}
