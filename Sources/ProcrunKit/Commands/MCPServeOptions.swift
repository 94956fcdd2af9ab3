package import ArgumentParser
import ProcrunText

/// The options of `procrun mcp`, declared once for `procrun mcp` and for the `procrun-mcp` server
/// program it hands them on to.
package struct MCPServeOptions: ParsableArguments, Sendable {
    /// `--library DIR`.
    @OptionGroup package var library: LibraryOption
    /// `--timeout DURATION`: each step's limit in `run_procedure` runs when the step sets none
    /// (default: the library's `defaults.timeout`, else 10 minutes).
    @Option(help: ArgumentHelp("Each step's limit in run_procedure runs when the step sets none (default: procrun.yaml's defaults.timeout, else 10m).", valueName: "DURATION"))
    package var timeout: String?

    /// No option given.
    package init() {}

    /// The options as a command line, for handing them on to the server program.
    package var arguments: [String] {
        (library.path.map { ["--library", $0] } ?? []) + (timeout.map { ["--timeout", $0] } ?? [])
    }

    /// `--timeout` read as a duration; nil when not given. Throws when it is no duration.
    package func stepTimeout() throws(Diagnostic) -> Duration? {
        try timeout.map { text throws(Diagnostic) in try Duration(option: "--timeout", text) }
    }
}
