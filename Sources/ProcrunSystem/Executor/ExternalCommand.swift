/// A long-lived helper procrun starts for a run: the library's executor or an MCP server, as
/// `procrun.yaml` (or `--executor`) names it.
package struct ExternalCommand: Sendable, Equatable {
    /// The argument vector; a command written as one string runs as `/bin/sh -c STRING`.
    package var arguments: [String]
    /// The longest procrun waits for one answer (a step's shorter `timeout` wins).
    package var timeout: Duration
    /// The folder it runs in: the library's root.
    package var workingDirectory: String?

    /// The answer time allowed when none is configured.
    package static let defaultTimeout: Duration = .seconds(60)

    /// A helper with an explicit argument vector.
    package init(arguments: [String], timeout: Duration = defaultTimeout, workingDirectory: String? = nil) {
        self.arguments = arguments
        self.timeout = timeout
        self.workingDirectory = workingDirectory
    }

    /// A helper given as one command line, run by `/bin/sh -c`.
    package init(line: String, timeout: Duration = defaultTimeout, workingDirectory: String? = nil) {
        self.init(arguments: ["/bin/sh", "-c", line], timeout: timeout, workingDirectory: workingDirectory)
    }

    /// How messages name it: its command line.
    package var displayName: String {
        arguments.count == 3 && arguments[0] == "/bin/sh" && arguments[1] == "-c" ? arguments[2] : arguments.joined(separator: " ")
    }
}
