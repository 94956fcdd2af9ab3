import Foundation

/// The ids of the requests the server has read and not yet answered.
///
/// The SDK holds an id as a Swift `Int` or `String`: an id such as 9223372036854775808, 1.5, 1e308
/// or -0 it cannot read, or would write back as another number. So the SDK never sees a client's
/// id: each request reaches it with a stand-in (1, 2, 3, ...), and its reply leaves with the id
/// exactly as the client wrote it. The same table tells the server, at exit, which requests still
/// wait for their reply.
final class RequestIDs: @unchecked Sendable {
    private let condition = NSCondition()
    /// The id text each stand-in replaced.
    private var pending: [Int: [UInt8]] = [:]
    private var next = 1

    /// A stand-in for the request whose id was written as `id`, until its reply is written.
    func standIn(for id: ArraySlice<UInt8>) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let standIn = next
        next += 1
        pending[standIn] = Array(id)
        return standIn
    }

    /// `reply` (a message the SDK wrote) with the client's id in place of the stand-in, and the
    /// stand-in, which ``answered(_:)`` must be told once the reply is written. A message without a
    /// stand-in (a notification, a batch) is returned as it is.
    func restore(_ reply: [UInt8]) -> (message: [UInt8], standIn: Int?) {
        guard let found = Self.standInRange(in: reply), let standIn = Int(String(decoding: reply[found], as: UTF8.self)) else { return (reply, nil) }
        condition.lock()
        let original = pending[standIn]
        condition.unlock()
        guard let original else { return (reply, nil) }
        return (Array(reply[..<found.lowerBound]) + original + reply[found.upperBound...], standIn)
    }

    /// Forgets the stand-in once its reply was written (or could not be).
    func answered(_ standIn: Int) {
        condition.lock()
        pending[standIn] = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every request read has been answered; false when `deadline` came first.
    func waitUntilAnswered(before deadline: Date = .distantFuture) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !pending.isEmpty {
            if !condition.wait(until: deadline) { return pending.isEmpty }
        }
        return true
    }

    private static let resultStart = Array(#"{"id":"#.utf8)
    private static let errorEnd = Array(#","jsonrpc":"2.0"}"#.utf8)
    private static let errorID = Array(#""id":"#.utf8)

    /// Where the digits of the top-level id lie in a reply the SDK wrote. It writes keys sorted, so
    /// a result starts `{"id":N,` and an error ends `"id":N,"jsonrpc":"2.0"}`; nothing else is read.
    private static func standInRange(in reply: [UInt8]) -> Range<Int>? {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if reply.starts(with: resultStart) {
            let start = resultStart.count
            let end = reply[start...].firstIndex { !isDigit($0) } ?? reply.count
            return end > start && end < reply.count && reply[end] == UInt8(ascii: ",") ? start..<end : nil
        }
        guard reply.count > errorEnd.count + errorID.count, reply.suffix(errorEnd.count).elementsEqual(errorEnd) else { return nil }
        let end = reply.count - errorEnd.count
        let start = (reply[..<end].lastIndex { !isDigit($0) } ?? -1) + 1
        guard end > start, start >= errorID.count, reply[(start - errorID.count)..<start].elementsEqual(errorID) else { return nil }
        return start..<end
    }
}
