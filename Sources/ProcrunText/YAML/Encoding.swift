/// Checks a file's bytes before libyaml sees them: its size, and that it is UTF-8.
enum Encoding {
    /// Throws a positioned ``Diagnostic`` for an oversized file, a UTF-16/32 byte-order mark, or the
    /// first byte sequence that is not valid UTF-8.
    static func check(_ file: SourceFile, limits: YAMLLimits) throws(Diagnostic) {
        let bytes = file.bytes
        if bytes.count > limits.maxBytes {
            throw Diagnostic.error(YAMLProblem.fileTooLarge(size: bytes.count, limit: limits.maxBytes), in: file, at: SourceLocation(line: 1, column: 1, offset: 0))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        {
            throw Diagnostic.error(YAMLProblem.wideEncoding, in: file, at: SourceLocation(line: 1, column: 1, offset: 0))
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw Diagnostic.error(YAMLProblem.invalidUTF8(byte: bytes[bad]), in: file, at: file.location(ofByte: bad))
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while true {
                index = endOfASCII(buffer, from: index)
                guard index < count else { return nil }
                let lead = buffer[index]
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
                default: return index
                }
                guard index + length <= count else { return index }
                for next in buffer[(index + 1)..<(index + length)] {
                    guard next & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
        }
    }

    /// The offset of the first byte at or after `start` that is not ASCII (`buffer.count` if none),
    /// found eight bytes at a time: procedure files are almost all ASCII.
    static func endOfASCII(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
        }
        while index < count, buffer[index] < 0x80 { index += 1 }
        return index
    }
}
