import ArgumentParser

/// How `procrun run` reports: `--json`, `--quiet`, `--verbose`.
package struct ReportingOptions: ParsableArguments {
    /// `--json`: the JSON report on standard output instead of progress.
    @Flag(help: "Print the JSON report on standard output instead of progress.")
    var json = false
    /// `--quiet`: nothing but errors.
    @Flag(name: [.customShort("q"), .long], help: "Print nothing but errors.")
    var quiet = false
    /// `--verbose`: each command's output streamed as it runs.
    @Flag(name: [.customShort("v"), .long], help: "Stream each command's output as it runs.")
    var verbose = false

    /// Progress on standard output, no command output.
    package init() {}
}
