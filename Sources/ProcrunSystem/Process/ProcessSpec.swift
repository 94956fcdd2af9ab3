/// Everything needed to run one child process.
package struct ProcessSpec: Sendable {
    /// The argument vector; `arguments[0]` is looked up in PATH unless it contains a `/`.
    package var arguments: [String]
    /// The child's whole environment; nil means ours, unchanged.
    package var environment: [String: String]?
    /// Variables set on top of `environment` (or ours), replacing any of the same name.
    package var extraEnvironment: [(String, String)]
    /// The child's working folder; nil means ours.
    package var workingDirectory: String?
    /// Bytes written to the child's standard input; nil means it reads /dev/null.
    package var standardInput: [UInt8]?
    /// How long the child may run before its process group is ended; nil means no limit.
    package var timeout: Duration?
    /// How long the group has between SIGTERM and SIGKILL when it is ended.
    package var killGrace: Duration
    /// Bytes kept per stream: the first half and the last half; the rest is only counted.
    package var outputLimit: Int
    /// Called with each chunk of output as it arrives, for live echo.
    package var onOutput: (@Sendable (OutputStream, UnsafeRawBufferPointer) -> Void)?
    /// When set, the child's descriptor ``sideDescriptor`` is a pipe of its own, and each chunk
    /// written to it is handed here as it arrives (and not kept): a channel apart from the output,
    /// such as the step events of `procrun run --events-fd 3`.
    package var onSideOutput: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    /// The child's descriptor that ``onSideOutput`` reads.
    package static let sideDescriptor: Int32 = 3
    /// A descriptor that, once readable, ends the child as an interrupt would (a parallel group's
    /// `fail_fast` after another step failed); -1 for none. Not started at all when it already is.
    package var cancelDescriptor: Int32 = -1
    /// Whether the child dies with procrun, even when procrun is killed by SIGKILL: the child
    /// itself through the kernel (PR_SET_PDEATHSIG), the rest of its process group through the
    /// warden, a process of procrun's that kills the groups it watches once procrun is gone.
    /// False for a step that says `keep_running`, whose processes are meant to outlive the run.
    package var endsWithProcrun = true

    /// Creates a spec; only the arguments are required.
    package init(
        arguments: [String],
        environment: [String: String]? = nil,
        extraEnvironment: [(String, String)] = [],
        workingDirectory: String? = nil,
        standardInput: [UInt8]? = nil,
        timeout: Duration? = nil,
        killGrace: Duration = .seconds(2),
        outputLimit: Int = 1 << 20,
        onOutput: (@Sendable (OutputStream, UnsafeRawBufferPointer) -> Void)? = nil
    ) {
        self.arguments = arguments
        self.environment = environment
        self.extraEnvironment = extraEnvironment
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
        self.timeout = timeout
        self.killGrace = killGrace
        self.outputLimit = outputLimit
        self.onOutput = onOutput
    }
}
