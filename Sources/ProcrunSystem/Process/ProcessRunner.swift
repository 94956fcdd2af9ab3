import CShims
import Glibc
import ProcrunText

/// Runs child processes synchronously: spawn, capture both streams, wait, with timeout and interrupts.
package enum ProcessRunner {
    /// Runs `spec` to completion and returns how it ended.
    ///
    /// Throws before anything runs when the command cannot be started (not found, not executable,
    /// bad working folder). When an interrupt was already received, returns at once with
    /// `interrupted` set and exit code 130, without starting the process.
    ///
    /// A group with ``ProcessResult/leftoverGroup`` set stays watched (killed should procrun die)
    /// until the run's leftover groups are ended, or released.
    package static func run(_ spec: ProcessSpec) throws(SpawnError) -> ProcessResult {
        guard let name = spec.arguments.first else {
            throw SpawnError(message: "empty command: expected a program name, found no arguments")
        }
        if Interrupts.received {
            return ProcessResult(exitCode: 130, interrupted: true)
        }
        if CancelSignal.isRaised(spec.cancelDescriptor) {
            var result = ProcessResult(exitCode: 130)
            result.cancelled = true
            return result
        }
        _ = standardDescriptorsChecked
        try checkForNulBytes(spec)
        if let folder = spec.workingDirectory {
            try checkWorkingDirectory(folder)
        }
        let program = try resolveProgram(name, spec: spec)
        let start = NanosecondClock.now()
        let child = try spawn(program: program, displayName: name, spec: spec)
        var supervisor = ChildSupervisor(child: child, spec: spec, start: start)
        supervisor.run()
        let result = supervisor.result(durationNanoseconds: NanosecondClock.now() &- start)
        if result.leftoverGroup == nil { procrun_warden_release(child.pid) }
        return result
    }

    /// Opens /dev/null on any of descriptors 0, 1 and 2 that is closed, once, so that pipe ends
    /// never land there and get clobbered by the child's redirections.
    private static let standardDescriptorsChecked: Bool = {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) < 0 {
            _ = open("/dev/null", O_RDWR)
        }
        return true
    }()

    private static func checkForNulBytes(_ spec: ProcessSpec) throws(SpawnError) {
        for argument in spec.arguments where argument.utf8.contains(0) {
            throw SpawnError(message: "argument contains a NUL byte: '\(printable(argument))'")
        }
        for (name, value) in spec.extraEnvironment
        where name.utf8.contains(0) || value.utf8.contains(0) || name.utf8.contains(UInt8(ascii: "=")) {
            throw SpawnError(
                message: "environment variable '\(printable(name))' has a NUL byte or '=' in its name or a NUL byte in its value")
        }
        for (name, value) in spec.environment ?? [:]
        where name.utf8.contains(0) || value.utf8.contains(0) || name.utf8.contains(UInt8(ascii: "=")) {
            throw SpawnError(
                message: "environment variable '\(printable(name))' has a NUL byte or '=' in its name or a NUL byte in its value")
        }
    }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\0" ? "\\0" : String($0) }.joined())
    }

    /// Lets group `group` (a run's ``ProcessResult/leftoverGroup``) live on should procrun die.
    static func releaseGroup(_ group: Int32) {
        procrun_warden_release(group)
    }
}
