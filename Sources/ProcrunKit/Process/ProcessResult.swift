/// How a child process ended and what it printed.
public struct ProcessResult: Sendable {
    /// The exit status; 128 + signal number when a signal ended the process, as shells report it.
    public var exitCode: Int32
    /// The signal that ended the process, or nil when it exited by itself.
    public var signal: Int32?
    /// What was captured of standard output.
    public var stdout: CapturedOutput
    /// What was captured of standard error.
    public var stderr: CapturedOutput
    /// Wall time from just before the spawn until the run was over, in nanoseconds.
    public var durationNanoseconds: UInt64
    /// Whether the timeout expired and the process group was ended.
    public var timedOut: Bool
    /// Whether SIGINT or SIGTERM reached procrun during the run and the process group was ended.
    public var interrupted: Bool
    /// The child's process group, when processes of it were still there after the child exited
    /// (a background process it started); nil when the group was empty.
    public var leftoverGroup: Int32?

    /// Creates a result from its parts.
    public init(
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
