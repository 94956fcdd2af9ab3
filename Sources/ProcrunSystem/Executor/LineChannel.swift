import CShims
import Glibc
import ProcrunText
// timespec's members are found through this module in some batches of a build (MemberImportVisibility).
import SwiftOverlayShims

/// A long-lived child process spoken to in lines of text: requests on its standard input, replies
/// on its standard output; its standard error passes through to procrun's.
///
/// Every wait has a deadline and watches for Ctrl-C, so a child that hangs or dies never hangs
/// procrun. The child runs in its own process group, ended by ``close(grace:)``.
package final class LineChannel {
    /// The longest reply line accepted (16 MiB).
    package static let lineLimit = 16 << 20

    /// The child's process id (and process group).
    package let pid: Int32
    private var input: Int32
    private var output: Int32
    private var buffer = LineBuffer()
    private var reaped = false
    private var exitDescription: String?

    /// Starts `arguments` (the program looked up in PATH) in `workingDirectory`.
    package init(arguments: [String], workingDirectory: String?, environment: [(String, String)] = []) throws(LineChannelError) {
        let (pid, input, output) = try Self.spawn(arguments: arguments, workingDirectory: workingDirectory, environment: environment)
        self.pid = pid
        self.input = input
        self.output = output
    }

    deinit { close(grace: .milliseconds(200)) }

    /// Writes one line (a newline is added) before `deadline`.
    package func send(_ line: String, deadline: ContinuousClock.Instant) throws(LineChannelError) {
        guard input >= 0 else { throw .exited(exitStatus()) }
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var saved = sigset_t()
        var block = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &saved)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec()
                _ = sigtimedwait(&block, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &saved, nil)
        }
        var offset = 0
        while offset < bytes.count {
            try wait(for: input, events: Int16(POLLOUT), deadline: deadline)
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                if errno == EPIPE { throw .exited(exitStatus()) }
                throw .broken(String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Reads the next line (without its newline) before `deadline`, in time linear in its length.
    package func receive(deadline: ContinuousClock.Instant) throws(LineChannelError) -> String {
        var chunk: [UInt8] = []
        while true {
            if let line = buffer.nextLine() { return String(decoding: line, as: UTF8.self) }
            guard buffer.pendingCount <= Self.lineLimit else { throw .lineTooLong }
            guard output >= 0 else { throw .exited(exitStatus()) }
            try wait(for: output, events: Int16(POLLIN), deadline: deadline)
            if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 1 << 16) }
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .broken(String(cString: strerror(errno)))
            }
            if count == 0 {
                Glibc.close(output)
                output = -1
                throw .exited(exitStatus(waitingUpTo: .seconds(1)))
            }
            buffer.append(chunk[..<count])
        }
    }

    /// Waits in short slices until `descriptor` is ready, the deadline passes, or Ctrl-C.
    private func wait(for descriptor: Int32, events: Int16, deadline: ContinuousClock.Instant) throws(LineChannelError) {
        while true {
            if Interrupts.received { throw .interrupted }
            let left = deadline - ContinuousClock.now
            if left <= .zero { throw .timedOut }
            let slice = min(left, .milliseconds(100))
            let milliseconds = Int32(max(1, slice.components.seconds * 1000 + slice.components.attoseconds / 1_000_000_000_000_000))
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .broken(String(cString: strerror(errno))) }
        }
    }

    /// How the child ended ("exit status 3", "killed by signal 9"), or "still running".
    func exitStatus(waitingUpTo limit: Duration = .zero) -> String {
        if let exitDescription { return exitDescription }
        let deadline = ContinuousClock.now + limit
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                let code = (status >> 8) & 0xFF
                let signal = status & 0x7F
                exitDescription = signal == 0 ? "exit status \(code)" : "killed by signal \(signal)"
                return exitDescription ?? ""
            }
            if result < 0 {
                reaped = true
                exitDescription = "gone"
                return "gone"
            }
            if ContinuousClock.now >= deadline { return "it closed its standard output" }
            usleep(10_000)
        }
    }

    /// Closes its standard input, gives it `grace` to leave, then ends its process group.
    package func close(grace: Duration) {
        if input >= 0 {
            Glibc.close(input)
            input = -1
        }
        if output >= 0 {
            Glibc.close(output)
            output = -1
        }
        if !reaped { _ = exitStatus(waitingUpTo: grace) }
        if !reaped || ProcessGroup.hasRunningMember(pid) {
            kill(-pid, SIGTERM)
            _ = exitStatus(waitingUpTo: grace)
        }
        // Processes it left behind in its group are ended too.
        if !reaped || ProcessGroup.hasRunningMember(pid) {
            kill(-pid, SIGKILL)
            _ = exitStatus(waitingUpTo: .seconds(5))
        }
    }
}
