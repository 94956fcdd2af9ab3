import Glibc
package import ProcrunText

extension ProcedureIndex {
    /// What a procedure file declares that the library needs before (and without) parsing it: its
    /// name and whether it is internal, each read from a top-level line (starting in column 1)
    /// of the form `name: VALUE` or `internal: true`.
    ///
    /// The loader reads the same keys from the parsed file and refuses a file whose lines say
    /// otherwise, so what the library lists and runs is what the file says.
    package struct Header: Sendable {
        /// The name its first `name:` line gives.
        package var name: String
        /// Where that name is written.
        package var location: SourceLocation
        /// Where `internal: true` is written: the procedure runs only when another procedure
        /// calls it (nil when it is not internal).
        package var internalAt: SourceLocation?

        /// Whether the procedure is internal (`internal: true`).
        package var isInternal: Bool { internalAt != nil }

        /// The header of a file's bytes; nil when its first top-level `name:` line holds no name
        /// (or there is none).
        package static func read(_ bytes: [UInt8]) -> Header? {
            var header: Header?
            var internalAt: SourceLocation?
            var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            while offset < bytes.count {
                let end = lineEnd(bytes, from: offset)
                let text = bytes[offset..<end]
                if header == nil, text.starts(with: "name:".utf8) {
                    guard let (value, column) = Self.value(of: "name:", in: text), NodeReader.isIdentifier(value) else { return nil }
                    header = Header(name: value, location: SourceLocation(line: line, column: column, offset: offset + column - 1))
                } else if text.first == UInt8(ascii: "i"), let (value, column) = Self.value(of: "internal:", in: text) {
                    internalAt = value == "true" ? SourceLocation(line: line, column: column, offset: offset + column - 1) : nil
                }
                offset = end + 1
                line += 1
            }
            header?.internalAt = internalAt
            return header
        }

        /// Where the line starting at `offset` ends: its newline, or the end of the bytes. (The
        /// whole file is read, since a key may be anywhere: memchr keeps that cheap.)
        private static func lineEnd(_ bytes: [UInt8], from offset: Int) -> Int {
            bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress, let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return buffer.count }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
        }

        /// The value of a line `KEY VALUE` (`KEY` ending in `:`) and the column it starts at; nil
        /// when the line is not that key's.
        static func value(of key: String, in line: ArraySlice<UInt8>) -> (String, Int)? {
            let prefix = key.utf8
            guard line.starts(with: prefix) else { return nil }
            let text = String(decoding: line.dropFirst(prefix.count), as: UTF8.self)
            let leading = text.prefix { $0 == " " || $0 == "\t" }.count
            guard let value = unquoted(text) else { return nil }
            return (value, prefix.count + leading + 1)
        }

        /// `name` from ` name`, ` "name"`, ` 'name'  # comment`.
        static func unquoted(_ text: String) -> String? {
            var value = Substring(text)
            if let hash = value.firstRange(of: " #") { value = value[..<hash.lowerBound] }
            value = value.drop { $0 == " " || $0 == "\t" }
            while let last = value.last, last == " " || last == "\t" || last == "\r" { value.removeLast() }
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : String(value)
        }
    }
}
