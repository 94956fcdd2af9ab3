import Glibc

/// Reads lines from a file descriptor (standard input), without buffering more than it returns
/// to anyone else, and gives up waiting when an interrupt arrives.
package final class LineReader {
    private let descriptor: Int32
    private var buffer = LineBuffer()
    private var atEnd = false
    /// The longest line kept; the rest of a longer line is dropped.
    package static let maxLine = 1 << 20

    /// Whether the descriptor is a terminal (a person typing) rather than a file or a pipe.
    package let isTerminal: Bool

    /// Reads from `descriptor` (0 for standard input).
    package init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
    }

    /// The next line without its line break; nil at the end of input or after an interrupt.
    package func next() -> String? {
        while true {
            if var line = buffer.nextLine() {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line.prefix(Self.maxLine), as: UTF8.self)
            }
            if buffer.pendingCount >= Self.maxLine {
                return String(decoding: buffer.takeRest().prefix(Self.maxLine), as: UTF8.self)
            }
            if atEnd {
                guard buffer.pendingCount > 0 else { return nil }
                return String(decoding: buffer.takeRest().prefix(Self.maxLine), as: UTF8.self)
            }
            if Interrupts.received { return nil }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, 200)
            if ready == 0 { continue }
            if ready < 0 {
                if errno == EINTR { continue }
                atEnd = true
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(chunk[0..<count])
            }
        }
    }
}
