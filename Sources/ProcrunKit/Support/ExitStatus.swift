/// The exit codes grammar.md documents.
package enum ExitStatus {
    /// Every step succeeded or was skipped; `check` found no problem.
    package static let success: Int32 = 0
    /// The procedure ran and failed.
    package static let failed: Int32 = 1
    /// The file or the command line is invalid; nothing ran.
    package static let invalid: Int32 = 2
    /// Interrupted by Ctrl-C.
    package static let interrupted: Int32 = 130
}
