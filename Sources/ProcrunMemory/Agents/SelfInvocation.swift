import Glibc
package import ProcrunSystem
import ProcrunText

/// Runs the procrun executable as a child, so that a run's processes, output and learning stay
/// apart from a long-lived caller such as `procrun mcp`.
package enum SelfInvocation {
    /// The running executable's absolute path (`/proc/self/exe`), else `procrun` from PATH.
    package static var executable: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "procrun" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The `procrun` program: this one, or the one beside it (when this is `procrun-mcp`), else PATH's.
    package static var procrun: String {
        let own = executable
        if own.hasSuffix("/procrun") { return own }
        let beside = FileSystem.directory(of: own) + "/procrun"
        return FileSystem.exists(beside) ? beside : "procrun"
    }

    /// Runs `procrun ARGUMENTS` to completion in `folder`. On a timeout or an interrupt the child
    /// gets SIGTERM, then SIGKILL after `grace`. With `onSideLine`, each line the child writes to
    /// its descriptor ``ProcessSpec/sideDescriptor`` (`run --events-fd 3`) is handed to it as it
    /// arrives, while the child runs.
    package static func run(
        _ arguments: [String], in folder: String? = nil, timeout: Duration? = nil, grace: Duration = .seconds(2), standardInput: [UInt8] = [],
        onSideLine: (@Sendable (String) -> Void)? = nil
    ) -> ProcessResult {
        var spec = ProcessSpec(arguments: [procrun] + arguments, workingDirectory: folder, timeout: timeout, killGrace: grace)
        spec.standardInput = standardInput
        spec.extraEnvironment = [("NO_COLOR", "1")]
        if let onSideLine { spec.onSideOutput = LineFeed(onSideLine).feed }
        do {
            return try ProcessRunner.run(spec)
        } catch {
            let message = Array("procrun: \(error.message)\n".utf8)
            return ProcessResult(exitCode: ExitStatus.invalid, stderr: CapturedOutput(bytes: message, totalBytes: message.count))
        }
    }
}
