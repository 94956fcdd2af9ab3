import Foundation
import Glibc
import Logging
import MCP
import ProcrunKit

/// The MCP stdio transport `procrun mcp` serves on: one JSON-RPC message per line on standard
/// input, one per line on standard output (see grammar.md, MCP).
///
/// It replaces the SDK's `StdioTransport`, which searched its whole pending buffer for a newline
/// after every 4 KiB read, so that a message of n bytes took O(n²) time (a `ping` of 1 MB: 2 s,
/// of 2 MB: 8 s; see benchmarks/README.md).
/// Here a reader thread blocks in `read(2)` and cuts lines with ``LineBuffer`` (linear in the
/// input). A message longer than ``maxMessageBytes`` is skipped without being kept in memory and
/// answered with a JSON-RPC error; the server goes on serving.
actor LineTransport: Transport {
    /// The longest message read (16 MiB, as for an executor's reply line).
    static let maxMessageBytes = LineChannel.lineLimit

    /// The SDK's logger; nothing is logged.
    nonisolated let logger = Logger(label: "procrun.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var connected = false

    /// A transport on `input` and `output` (standard input and output by default).
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    /// Starts the reader thread.
    func connect() async throws {
        guard !connected else { return }
        connected = true
        let reader = Thread { [input, continuation] in
            Self.read(input, into: continuation) { refusal in
                Task { try? await self.send(refusal) }
            }
        }
        reader.name = "procrun-mcp-reader"
        reader.start()
    }

    /// Ends the stream of messages (the reader thread ends with the process).
    func disconnect() async {
        guard connected else { return }
        connected = false
        continuation.finish()
    }

    /// Writes one message and its newline, waiting while the pipe is full.
    func send(_ data: Data) async throws {
        guard connected else { throw MCPError.connectionClosed }
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, $0.count - offset) }
            if written >= 0 {
                offset += written
            } else if errno == EAGAIN {
                var entry = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, -1)
            } else if errno != EINTR {
                throw MCPError.internalError("cannot write standard output: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The messages read, in order; the stream ends at the end of standard input.
    func receive() -> AsyncThrowingStream<Data, any Error> {
        messages
    }

    /// Reads `descriptor` to its end, yielding each non-blank line; a line longer than
    /// ``maxMessageBytes`` is dropped as it arrives and `refuse` gets the error to send.
    private static func read(
        _ descriptor: Int32, into continuation: AsyncThrowingStream<Data, any Error>.Continuation,
        refuse: (Data) -> Void
    ) {
        var buffer = LineBuffer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var skipped = 0
        while true {
            while let line = buffer.nextLine() {
                if skipped > 0 || line.count > maxMessageBytes {
                    refuse(refusal(size: skipped + line.count))
                    skipped = 0
                } else if !isBlank(line) {
                    continuation.yield(Data(line))
                }
            }
            if buffer.pendingCount > maxMessageBytes || skipped > 0 {
                skipped += buffer.pendingCount
                buffer.dropPending()
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(chunk[..<count])
            } else if count == 0 {
                break
            } else if errno == EAGAIN {
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&entry, 1, -1)
            } else if errno != EINTR {
                continuation.finish(throwing: MCPError.internalError("cannot read standard input: \(String(cString: strerror(errno)))"))
                return
            }
        }
        let rest = buffer.takeRest()
        if skipped > 0 || rest.count > maxMessageBytes {
            refuse(refusal(size: skipped + rest.count))
        } else if !isBlank(rest) {
            continuation.yield(Data(rest))
        }
        continuation.finish()
    }

    /// Whether a line holds only spaces, tabs and a carriage return (it is not a message).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        !line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }

    /// The JSON-RPC error answering a message of `size` bytes that was too long (its id unknown,
    /// hence null).
    private static func refusal(size: Int) -> Data {
        let message = "message too large: expected at most \(maxMessageBytes) bytes (16 MiB), found \(size)"
        return Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"\#(message)"}}"#.utf8)
    }
}
