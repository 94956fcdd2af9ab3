import Glibc

/// Bytes read from a stream, cut into lines as they arrive.
///
/// Each byte is searched for a newline once, and bytes are moved only when a line has been taken
/// and more arrive, so reading n bytes costs O(n) however long the lines are. The readers of
/// executor and MCP replies, of the MCP server's requests and of the `record` prompt share it.
package struct LineBuffer {
    private var bytes: [UInt8] = []
    /// Where the line not yet taken starts.
    private var start = 0
    /// The bytes from `start` up to here hold no newline.
    private var scanned = 0

    /// An empty buffer.
    package init() {}

    /// How many bytes the line not yet ended holds so far.
    package var pendingCount: Int { bytes.count - start }

    /// Adds bytes read from the stream.
    package mutating func append(_ chunk: ArraySlice<UInt8>) {
        if start > 0 {
            // When the lines were taken, what is left is the start of one line, read with the last chunk.
            bytes.removeSubrange(..<start)
            scanned -= start
            start = 0
        }
        bytes.append(contentsOf: chunk)
    }

    /// The next whole line, without its newline; nil until one has arrived.
    package mutating func nextLine() -> ArraySlice<UInt8>? {
        let from = scanned
        let found = bytes.withUnsafeBufferPointer { all -> Int? in
            guard from < all.count, let base = all.baseAddress, let hit = memchr(base + from, 0x0A, all.count - from) else { return nil }
            return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
        }
        guard let newline = found else {
            scanned = bytes.count
            return nil
        }
        let line = bytes[start..<newline]
        start = newline + 1
        scanned = start
        return line
    }

    /// The bytes of the line not yet ended (at the end of the stream), leaving the buffer empty.
    package mutating func takeRest() -> ArraySlice<UInt8> {
        let rest = bytes[start...]
        bytes = []
        start = 0
        scanned = 0
        return rest
    }

    /// Forgets the line not yet ended, keeping the bytes that arrive from now on.
    package mutating func dropPending() {
        bytes.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
    }
}
