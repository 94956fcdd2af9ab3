/// How a command ended that did not succeed, as a value: ``exitStatus`` is the one place that
/// turns it into the exit code grammar.md documents, so no command picks a number (as just's
/// `Error::code` and go-task's `Code()` do).
package enum CommandFailure: Error, Sendable {
    /// What the command was given is invalid (a file, the library, the command line, an answer it
    /// needed): nothing ran. The diagnostics say what (none when they were printed already).
    case invalid([Diagnostic] = [])
    /// The command did its work and the work failed: a step of the run, the replay that verifies a
    /// recording, a merge that left conflicts, a search that found nothing, a recording abandoned.
    case failed([Diagnostic] = [])
    /// A signal ended the work (Ctrl-C, SIGINT, SIGTERM, SIGHUP).
    case interrupted

    /// The problems to print (already printed when empty).
    package var diagnostics: [Diagnostic] {
        switch self {
        case .invalid(let diagnostics), .failed(let diagnostics): diagnostics
        case .interrupted: []
        }
    }

    /// The exit status: 2 for invalid input, 1 for a failure, 130 for an interrupt (129 when the
    /// first was SIGHUP).
    package var exitStatus: Int32 {
        switch self {
        case .invalid: ExitStatus.invalid
        case .failed: ExitStatus.failed
        case .interrupted: Interrupts.wasHangUp ? ExitStatus.hangUp : ExitStatus.interrupted
        }
    }

    /// The exit status of a command that ended with `failure`, or succeeded (nil).
    package static func exitStatus(of failure: CommandFailure?) -> Int32 {
        failure?.exitStatus ?? ExitStatus.success
    }
}
