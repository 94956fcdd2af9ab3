/// Collects a response body up to a cap and counts what goes beyond it.
struct HTTPBodySink {
    private let cap: Int
    private(set) var kept: [UInt8] = []
    private(set) var discarded = 0

    init(cap: Int) {
        self.cap = cap
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        let room = max(0, cap - kept.count)
        kept.append(contentsOf: bytes.prefix(room))
        discarded &+= max(0, bytes.count - room)
    }
}
