import Foundation
import Glibc

/// Writes whole lines to one descriptor from several threads (the SDK's replies, and the answers
/// ``LineTransport``'s reader gives itself), one line at a time so that they never interleave.
final class LineWriter: @unchecked Sendable {
    private let output: Int32
    private let lock = NSLock()

    /// A writer to `output`.
    init(output: Int32) {
        self.output = output
    }

    /// Writes `line` and a newline, waiting while the pipe is full; on failure, the reason.
    func write(_ line: [UInt8]) -> String? {
        var bytes = line
        bytes.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, $0.count - offset) }
            if written >= 0 {
                offset += written
            } else if errno == EAGAIN {
                var entry = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, -1)
            } else if errno != EINTR {
                return String(cString: strerror(errno))
            }
        }
        return nil
    }
}
