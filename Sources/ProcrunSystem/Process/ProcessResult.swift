/// How a child process ended and what it printed.
package struct ProcessResult: Sendable {
    /// The exit status; 128 + signal number when a signal ended the process, as shells report it.
    package var exitCode: Int32
    /// The signal that ended the process, or nil when it exited by itself.
    package var signal: Int32?
    /// What was captured of standard output.
    package var stdout: CapturedOutput
    /// What was captured of standard error.
    package var stderr: CapturedOutput
    /// Wall time from just before the spawn until the run was over, in nanoseconds.
    package var durationNanoseconds: UInt64
    /// Whether the timeout expired and the process group was ended.
    package var timedOut: Bool
    /// Whether SIGINT or SIGTERM reached procrun during the run and the process group was ended.
    package var interrupted: Bool
    /// Whether the spec's cancel descriptor ended (or prevented) the run.
    package var cancelled = false
    /// The child's process group, when processes of it were still there after the child exited
    /// (a background process it started); nil when the group was empty.
    package var leftoverGroup: Int32?

    /// Creates a result from its parts.
    package init(
        exitCode: Int32, signal: Int32? = nil, stdout: CapturedOutput = CapturedOutput(),
        stderr: CapturedOutput = CapturedOutput(), durationNanoseconds: UInt64 = 0,
        timedOut: Bool = false, interrupted: Bool = false
    ) {
        self.exitCode = exitCode
        self.signal = signal
        self.stdout = stdout
        self.stderr = stderr
        self.durationNanoseconds = durationNanoseconds
        self.timedOut = timedOut
        self.interrupted = interrupted
    }
}
