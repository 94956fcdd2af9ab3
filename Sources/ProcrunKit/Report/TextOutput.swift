import Glibc

/// Buffered text output to a file descriptor (standard output or error), flushed on demand.
public final class TextOutput {
    /// The descriptor written to.
    public let descriptor: Int32
    /// Whether the descriptor is a terminal.
    public let isTerminal: Bool
    private var buffer: [UInt8] = []

    /// Standard output.
    nonisolated(unsafe) public static let standardOutput = TextOutput(descriptor: 1)
    /// Standard error.
    nonisolated(unsafe) public static let standardError = TextOutput(descriptor: 2)

    /// Wraps a descriptor.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
        buffer.reserveCapacity(1 << 16)
    }

    /// Whether colour should be used: a terminal, and no `NO_COLOR` in the environment.
    public var wantsColor: Bool {
        isTerminal && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }

    /// Appends text; flushes when the buffer is large.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes everything buffered.
    public func flush() {
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
