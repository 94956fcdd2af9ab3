import Glibc

/// Buffered text output to a file descriptor (standard output or error), flushed on demand.
package final class TextOutput {
    /// The descriptor written to.
    package let descriptor: Int32
    /// Whether the descriptor is a terminal.
    package let isTerminal: Bool
    private var buffer: [UInt8] = []

    /// Standard output.
    nonisolated(unsafe) package static let standardOutput = TextOutput(descriptor: 1)
    /// Standard error.
    nonisolated(unsafe) package static let standardError = TextOutput(descriptor: 2)

    /// Wraps a descriptor.
    package init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
        buffer.reserveCapacity(1 << 16)
    }

    /// Whether colour should be used: a terminal, and no `NO_COLOR` in the environment.
    package var wantsColor: Bool {
        isTerminal && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }

    /// Appends text; flushes when the buffer is large.
    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends raw bytes.
    package func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes everything buffered.
    package func flush() {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
