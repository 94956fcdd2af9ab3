import Glibc
import ProcrunText

/// The id of one run, written as a comment on the `last_executed` line of the stats block
/// (`last_executed: "2026-11-25T13:05:00Z"  # run 5c1e0a9f`).
///
/// Two branches that each ran a procedure once from the same base would otherwise make the same
/// edit to most lines, and a merge without procrun's driver could take the two runs for one. With
/// an id unique to each run, the `last_executed` lines always differ, so such a merge conflicts
/// (and `procrun resolve` sums it). A merge made by the driver writes an id derived from both
/// sides' ids, so the driver and `procrun resolve` write the same bytes.
enum RunID {
    /// A fresh id: eight random hex digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex(generator.next())
    }

    /// The id of a merge of two sides that both ran: a hash of both ids, in a fixed order.
    static func merging(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a ?? b }
        var hasher = FNV1a()
        hasher.add(min(a, b))
        hasher.add(0)
        hasher.add(max(a, b))
        return hex(hasher.value)
    }

    /// The id in a `# run ID` comment that follows `offset` on its line, if there is one.
    static func read(after offset: Int, in bytes: [UInt8]) -> String? {
        var index = offset
        func skipSpaces() { while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 } }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        skipSpaces()
        let word = Array("run ".utf8)
        guard index + word.count <= bytes.count, Array(bytes[index..<(index + word.count)]) == word else { return nil }
        index += word.count
        skipSpaces()
        let start = index
        while index < bytes.count, isIDByte(bytes[index]) { index += 1 }
        guard index > start, index - start <= 32 else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    /// The first eight hex digits of `value` (its top 32 bits).
    static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for shift in stride(from: 60, through: 32, by: -4) { text.append(digits[Int((value >> UInt64(shift)) & 0xF)]) }
        return String(decoding: text, as: UTF8.self)
    }
}
