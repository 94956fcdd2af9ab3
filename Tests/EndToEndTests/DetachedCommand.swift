import Glibc
import ProcrunKit

/// Runs a command outside this process's tree of waited-for children, and waits for it by polling.
///
/// The Python MCP client needs about 70 MB; run as an ordinary child, it would count in
/// `getrusage(RUSAGE_CHILDREN)`, which the process-control suite reads to bound procrun's memory.
enum DetachedCommand {
    /// What the command printed, and its exit status (nil when it did not finish in time).
    struct Output {
        var status: Int32?
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` detached (reparented away from the tests), waiting at most `timeout`.
    static func run(_ arguments: [String], timeout: Duration) throws -> Output {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let quoted = arguments.map { "'" + $0.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'" }.joined(separator: " ")
        let script = "(\(quoted) > '\(folder.path)/out' 2> '\(folder.path)/err' < /dev/null; echo $? > '\(folder.path)/rc.tmp'; mv '\(folder.path)/rc.tmp' '\(folder.path)/rc') &"
        let launcher = try ProcessRunner.run(ProcessSpec(arguments: ["sh", "-c", script]))
        guard launcher.exitCode == 0 else { return Output(status: nil, stdout: "", stderr: launcher.stderr.text) }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !folder.exists("rc") { usleep(50_000) }
        let status = (try? folder.read("rc")).flatMap { Int32($0.trimmingSuffixNewlines()) }
        return Output(status: status, stdout: (try? folder.read("out")) ?? "", stderr: (try? folder.read("err")) ?? "")
    }
}
