package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunText

/// `procrun report`: the library's health over a period, from its files and git history: per
/// procedure its runs, success rate and their trends, flaky and slow steps, procedures never run
/// or not run lately, superseded ones, the last failures and who calls whom. Text, Markdown (for
/// a CI job's summary or a pull-request comment), JSON, or one self-contained HTML page.
package struct ReportCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report a library's health from its git history: trends, flaky and slow steps, procedures not run.",
        discussion: """
            The period is the last 90 days unless --since says otherwise. Runs recorded on a branch count once, at the commit that merged it; runs not committed yet count in the totals only.

            Examples:
              # a page to open in a browser
              procrun report --html health.html
              # a CI job's summary
              procrun report --format markdown >> "$GITHUB_STEP_SUMMARY"
              # this month, as JSON
              procrun report --since 2026-12-01 --format json
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The output formats.
    package enum Format: String, Sendable, CaseIterable {
        /// Lines for a terminal or a log.
        case text
        /// For a CI job's summary or a pull-request comment.
        case markdown
        /// One line of JSON, for tools.
        case json
        /// One self-contained HTML page.
        case html
    }

    /// `--format`.
    @OptionGroup var format: FormatOption<Format>
    /// `--html FILE`: the HTML page written to a file.
    @Option(help: ArgumentHelp("Write the report as one self-contained HTML page to FILE.", valueName: "FILE"), completion: .file(extensions: ["html"]))
    var html: String?
    /// `--since`, `--until`.
    @OptionGroup var period: PeriodOption
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A report of the current library.
    package init() {}

    /// Reports; 0 when done, 2 when the library cannot be found, git cannot answer or the page
    /// cannot be written.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        if html != nil, format.value != .text {
            return stderr.reject(Diagnostic(CommandProblem.exclusiveOptions("--html", "--format \(format.value.rawValue)")), renderer)
        }
        let health: LibraryHealth
        do throws(DiagnosticsError) {
            let found = try ProcedureTarget.currentLibrary(override: library.path)
            do throws(Diagnostic) {
                let span = try period.period(defaultDays: LibraryHealth.defaultDays)
                health = try LibraryHealth(library: found, since: span.since ?? 0, until: span.until)
            } catch {
                throw DiagnosticsError([error])
            }
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        stderr.write(renderer.render(health.problems + health.warnings))
        stderr.flush()
        if let html {
            do throws(FileSystem.Failure) {
                try FileSystem.writeAtomically(Array(health.html().utf8), to: html)
            } catch {
                return stderr.reject(Diagnostic(CommandProblem.fileOperation(reason: error.description)), renderer)
            }
            stdout.write("wrote \(html): \(health.sizeText)\n")
        } else {
            switch format.value {
            case .text: stdout.write(health.text())
            case .markdown: stdout.write(health.markdown())
            case .json: stdout.write(health.json() + "\n")
            case .html: stdout.write(health.html())
            }
        }
        stdout.flush()
        return ExitStatus.success
    }
}
