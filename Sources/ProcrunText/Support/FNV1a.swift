/// 64-bit FNV-1a: a fast, non-cryptographic hash of bytes, for fingerprints that only need to
/// tell content apart (a step's key in the stats, the sources of an up-to-date check). Inlinable:
/// it runs for every step learned from, in the modules above.
package struct FNV1a: Sendable {
    /// The hash so far.
    package var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A hash of nothing yet.
    @inlinable package init() {}

    /// Adds one byte.
    @inlinable package mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds the UTF-8 bytes of `text`.
    @inlinable package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `bytes`.
    @inlinable package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var value = self.value
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.value = value
    }

    /// The hash as 16 hexadecimal digits.
    package var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
