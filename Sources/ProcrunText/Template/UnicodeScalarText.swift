/// Fast conversions between the template engine's `[Unicode.Scalar]` view and `String`, and a
/// white-space test that answers ASCII without a Unicode property lookup.
enum UnicodeScalarText {
    /// The string's scalars; an all-ASCII string (most templates) is widened byte by byte, without
    /// decoding UTF-8 or counting the scalars first.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        if let ascii = text.withUTF8({ bytes in bytes.allSatisfy({ $0 < 0x80 }) ? bytes.map { Unicode.Scalar($0) } : nil }) {
            return ascii
        }
        return Array(text.unicodeScalars)
    }

    /// The scalars as a string, encoded to UTF-8 in one allocation (none for short strings).
    static func string<Scalars: Collection>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                    continue
                }
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}

extension Unicode.Scalar {
    /// Unicode white space; ASCII answered directly.
    var isWhitespace: Bool {
        if isASCII { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
