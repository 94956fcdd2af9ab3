package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun stats [PROCEDURE...] [--json] [--prune]`: a table of procedures' recorded runs (names,
/// files or folders; none: the whole library); for a single procedure, its steps too, with failing
/// and slow ones marked. With `--prune`, it removes the figures that match no step instead.
package struct StatsCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.",
        discussion: """
            Examples:
              # every procedure's runs, success rate and durations
              procrun stats
              # one procedure's steps, failing and slow ones marked
              procrun stats deploy_backend
              # the same as JSON
              procrun stats deploy_backend --json
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// Procedure names, files, or folders whose procedures are listed (none: the whole library).
    @Argument(help: "Procedure names, files or folders (default: the whole library).", completion: .procedures)
    var paths: [String] = []
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--json`: one JSON object on standard output.
    @Flag(help: "Print JSON for tools.")
    var json = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption
    /// `--prune`: remove the orphan figures (matching no step) from the files' stats blocks.
    @Flag(help: "Remove the figures of steps that are no longer in the file (orphans) from the stats blocks.")
    var prune = false

    /// A listing of the whole library, no option given.
    package init() {}

    /// Lists; 0 on success, 2 when a path cannot be read.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        var documents: [StatsDocument] = []
        var pruned: [(file: String, keys: [String])] = []
        var failed = false
        let given: [String]
        do {
            given = paths.isEmpty ? [try ProcedureTarget.currentLibrary(override: library.path).root] : paths
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        for argument in given {
            // In a folder, files that are not procedures are passed over silently.
            let folder = FileSystem.isDirectory(argument)
            let files: [String]
            do {
                files = folder ? LibraryLayout.files(under: argument).map(\.path) : [try ProcedureTarget.resolve(argument, library: library.path).path]
            } catch {
                failed = true
                stderr.write(renderer.render(error.diagnostics))
                continue
            }
            for file in files {
                do {
                    let document = try StatsDocument(path: file)
                    guard document.isProcedure || !folder else { continue }
                    if prune {
                        pruned.append((file, try Optimizer.pruneOrphans(path: file)))
                    } else {
                        documents.append(document)
                    }
                } catch {
                    if !folder {
                        failed = true
                        stderr.write(renderer.render(error))
                    }
                }
            }
        }
        let rows = documents.map(StatsRow.init)
        if prune {
            stdout.write(json ? StatsRow.json(pruned: pruned) : StatsRow.text(pruned: pruned))
        } else if json {
            stdout.write(StatsRow.json(rows))
        } else {
            stdout.write(rows.isEmpty ? "no procedures found\n" : StatsRow.table(rows, withSteps: rows.count == 1))
        }
        stdout.flush()
        stderr.flush()
        return CommandFailure.exitStatus(of: failed ? .invalid() : nil)
    }
}
