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
/// Here a reader thread waits in `poll(2)` and cuts lines with ``LineBuffer`` (linear in the
/// input). A message longer than ``maxMessageBytes`` is skipped without being kept in memory and
/// answered with a JSON-RPC error; the server goes on serving. Every other line goes through
/// ``RequestScreen``, which gives each request a stand-in id for the SDK (``requests``) and answers
/// what the SDK could not answer with the right id. An interrupt (SIGINT, SIGTERM, SIGHUP) ends the
/// reading as the end of standard input does.
actor LineTransport: Transport {
    /// The longest message read (16 MiB, as for an executor's reply line).
    static let maxMessageBytes = LineChannel.lineLimit

    /// The SDK's logger; nothing is logged.
    nonisolated let logger = Logger(label: "procrun.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The requests read and not yet answered, by their stand-in ids.
    nonisolated let requests = RequestIDs()
    private let input: Int32
    private let writer: LineWriter
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var connected = false

    /// A transport on `input` and `output` (standard input and output by default).
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        writer = LineWriter(output: output)
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    /// Starts the reader thread.
    func connect() async throws {
        guard !connected else { return }
        connected = true
        let reader = Thread { [input, continuation, writer, requests] in
            Self.read(input, into: continuation, screen: RequestScreen(ids: requests)) { answer in _ = writer.write(answer) }
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

    /// Writes one message and its newline, with the id its request was sent with, waiting while
    /// the pipe is full.
    func send(_ data: Data) async throws {
        let (message, standIn) = requests.restore([UInt8](data))
        defer { if let standIn { requests.answered(standIn) } }
        guard connected else { throw MCPError.connectionClosed }
        if let failure = writer.write(message) {
            throw MCPError.internalError("cannot write standard output: \(failure)")
        }
    }

    /// The messages read, in order; the stream ends at the end of standard input or at an interrupt.
    func receive() -> AsyncThrowingStream<Data, any Error> {
        messages
    }

    /// Reads `descriptor` to its end or to an interrupt, yielding what `screen` hands on from each
    /// non-blank line; a line longer than ``maxMessageBytes`` is dropped as it arrives. `answer`
    /// gets the replies to write at once.
    private static func read(
        _ descriptor: Int32, into continuation: AsyncThrowingStream<Data, any Error>.Continuation,
        screen: RequestScreen, answer: ([UInt8]) -> Void
    ) {
        func take(_ line: ArraySlice<UInt8>, skipped: Int) {
            if skipped > 0 || line.count > maxMessageBytes {
                answer(JSONRPCError.tooLarge(size: skipped + line.count, limit: maxMessageBytes).reply())
            } else if !isBlank(line) {
                switch screen.verdict(on: Array(line)) {
                case .forward(let message): continuation.yield(Data(message))
                case .answer(let reply): answer(reply)
                case .drop: break
                }
            }
        }
        var buffer = LineBuffer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var skipped = 0
        var entries = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if Interrupts.pollDescriptor >= 0 { entries.append(pollfd(fd: Interrupts.pollDescriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            while let line = buffer.nextLine() {
                take(line, skipped: skipped)
                skipped = 0
            }
            if buffer.pendingCount > maxMessageBytes || skipped > 0 {
                skipped += buffer.pendingCount
                buffer.dropPending()
            }
            if poll(&entries, nfds_t(entries.count), -1) < 0 && errno != EINTR && errno != EAGAIN {
                continuation.finish(throwing: MCPError.internalError("cannot wait for standard input: \(String(cString: strerror(errno)))"))
                return
            }
            // The server is shutting down: what was not read is not answered.
            if Interrupts.received {
                continuation.finish()
                return
            }
            guard entries[0].revents != 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(chunk[..<count])
            } else if count == 0 {
                break
            } else if errno != EINTR && errno != EAGAIN {
                continuation.finish(throwing: MCPError.internalError("cannot read standard input: \(String(cString: strerror(errno)))"))
                return
            }
        }
        take(buffer.takeRest(), skipped: skipped)
        continuation.finish()
    }

    /// Whether a line holds only spaces, tabs and a carriage return (it is not a message).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        !line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }
}
