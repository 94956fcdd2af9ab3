package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunText

/// `procrun history NAME|FILE`: a procedure's figures along its git history, a row per
/// first-parent commit that added runs (renames followed, a merge's runs counted once, at the
/// merge), as a table or JSON.
package struct HistoryCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a procedure's runs along its git history: each commit that added runs, with their success rate and duration.",
        discussion: """
            Reads one git log and the file's versions through one git cat-file process. Runs recorded on a branch count once, at the commit that merged it.

            Examples:
              # every commit that recorded runs of deploy_backend
              procrun history deploy_backend
              # the last 30 days, as JSON
              procrun history deploy_backend --since 30d --json
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure's name in the library, or its file.
    @Argument(help: "A procedure's name in the library, or its file.", completion: .procedures)
    var procedure: String
    /// `--since`, `--until`.
    @OptionGroup var period: PeriodOption
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--json`: one JSON object on standard output.
    @Flag(help: "Print JSON for tools.")
    var json = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A history as the command line gives it (the procedure is required).
    package init() {}

    /// Prints the history; 0, or 2 when the procedure cannot be found or git cannot answer.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        let history: ProcedureHistory
        let name: String
        do throws(DiagnosticsError) {
            let (path, _) = try ProcedureTarget.resolve(procedure, library: library.path)
            do throws(Diagnostic) {
                let span = try period.period(defaultDays: nil)
                history = try ProcedureHistory(file: path, since: span.since, until: span.until)
                name = (try? StatsDocument(path: path))?.name ?? procedure
            } catch {
                throw DiagnosticsError([error])
            }
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        stdout.write(json ? history.json(name: name) : history.text(name: name, bounded: period.since != nil || period.until != nil))
        stdout.flush()
        stderr.write(renderer.render(history.warnings))
        stderr.flush()
        return ExitStatus.success
    }
}
