/// Reads the numbers procrun accepts in a file: decimal only, so that `0755` is 755 and never an
/// octal, `0x1F` and `1_000` are text, and no number overflows when templates compute with it.
package enum DecimalText {
    /// A decimal integer of at most 18 digits with an optional leading `-`.
    @inlinable package static func integer(_ text: String) -> Int? {
        var digits = text.utf8[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// An integer, or a finite decimal number (`1.5`, `-0.25`, `2e3`).
    package static func number(_ text: String) -> Double? {
        if let integer = integer(text) { return Double(integer) }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }
}
