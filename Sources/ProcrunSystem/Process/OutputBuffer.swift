/// Keeps the first and last bytes of a stream within a fixed budget and counts the rest.
struct OutputBuffer {
    private let headCapacity: Int
    private let tailCapacity: Int
    private var head: [UInt8] = []
    /// A ring once full: the oldest kept byte is at `tailStart`.
    private var tail: [UInt8] = []
    private var tailStart = 0
    private(set) var totalBytes = 0

    init(limit: Int) {
        let budget = max(limit, 0)
        headCapacity = budget / 2
        tailCapacity = budget - budget / 2
    }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        totalBytes &+= chunk.count
        var rest = chunk
        if head.count < headCapacity {
            let taken = min(headCapacity - head.count, rest.count)
            head.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
        }
        if !rest.isEmpty { appendTail(rest) }
    }

    private mutating func appendTail(_ chunk: UnsafeRawBufferPointer) {
        guard tailCapacity > 0 else { return }
        var rest = chunk
        if rest.count >= tailCapacity {
            tail = Array(UnsafeRawBufferPointer(rebasing: rest[(rest.count - tailCapacity)...]))
            tailStart = 0
            return
        }
        if tail.count < tailCapacity {
            let taken = min(tailCapacity - tail.count, rest.count)
            tail.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
        }
        while !rest.isEmpty {
            let taken = min(tailCapacity - tailStart, rest.count)
            let start = tailStart
            tail.withUnsafeMutableBytes { ring in
                let target = UnsafeMutableRawBufferPointer(rebasing: ring[start..<(start + taken)])
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            }
            tailStart = (tailStart + taken) % tailCapacity
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
        }
    }

    /// The kept bytes in order, with the omission marker when bytes were dropped.
    func finish() -> CapturedOutput {
        let kept = head.count + tail.count
        var bytes = head
        if totalBytes > kept {
            bytes.append(contentsOf: "\n[... \(totalBytes - kept) bytes omitted ...]\n".utf8)
        }
        bytes.append(contentsOf: tail[tailStart...])
        bytes.append(contentsOf: tail[..<tailStart])
        return CapturedOutput(bytes: bytes, totalBytes: totalBytes, truncated: totalBytes > kept)
    }
}
