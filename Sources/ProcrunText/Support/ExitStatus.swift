/// The exit codes grammar.md documents ("Exit codes"). Which one a command exits with is decided
/// in one place, ``CommandFailure/exitStatus``, from how it ended; these names are for that place
/// and for reading the status of a procrun run as a child process.
package enum ExitStatus {
    /// Every step succeeded or was skipped; `check` found no problem.
    package static let success: Int32 = 0
    /// The procedure ran and failed.
    package static let failed: Int32 = 1
    /// The file or the command line is invalid; nothing ran.
    package static let invalid: Int32 = 2
    /// Interrupted by SIGHUP (128 + 1).
    package static let hangUp: Int32 = 129
    /// Interrupted by Ctrl-C, SIGINT or SIGTERM.
    package static let interrupted: Int32 = 130
}
