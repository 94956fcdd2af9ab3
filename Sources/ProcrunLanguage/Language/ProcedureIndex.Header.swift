import Glibc
package import ProcrunText

extension ProcedureIndex {
    /// What a procedure file declares that the library needs before (and without) parsing it: its
    /// name, whether it is internal and the other names it answers to, each read from a top-level
    /// line (starting in column 1): `name: VALUE`, `internal: true`, `aliases: [A, B]` (or
    /// `aliases: A`, or `aliases:` followed by lines `- A`).
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

        /// Whether a top-level `steps:` line was read (with the name line, what makes a file a
        /// procedure of the library: ``LibraryLayout/looksLikeProcedure(_:)``).
        package var hasSteps = false

        /// Whether the procedure is internal (`internal: true`).
        package var isInternal: Bool { internalAt != nil }
        /// The other names it answers to (`aliases:`), each where it is written, in file order;
        /// a text that is no name is kept, for the loader to refuse.
        package var aliases: [Located<String>] = []

        /// The header of a file's bytes; nil when its first top-level `name:` line holds no name
        /// (or there is none). `nameOnly`: the reading stops at that line (the header then has
        /// its name and location only, and ``hasSteps`` is not known).
        package static func read(_ bytes: [UInt8], nameOnly: Bool = false) -> Header? {
            var header: Header?
            var internalAt: SourceLocation?
            var aliases: [Located<String>] = []
            // After `aliases:` with nothing on its line, the lines of its block list.
            var inAliasList = false
            var hasSteps = false
            var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            // Most lines start with neither a key read here nor (in an alias list) a space: they
            // are passed over by their first byte, without a slice.
            while offset < bytes.count {
                let end = lineEnd(bytes, from: offset)
                let first = bytes[offset]
                if !inAliasList, first != UInt8(ascii: "n"), first != UInt8(ascii: "i"), first != UInt8(ascii: "a"), first != UInt8(ascii: "s") {
                    offset = end + 1
                    line += 1
                    continue
                }
                let text = bytes[offset..<end]
                if inAliasList, let item = listItem(text) {
                    aliases.append(Located(item.0, at: SourceLocation(line: line, column: item.1, offset: offset + item.1 - 1)))
                    offset = end + 1
                    line += 1
                    continue
                }
                inAliasList = false
                if first == UInt8(ascii: "s") {
                    if Self.starts(text, with: "steps:") { hasSteps = true }
                } else if header == nil, Self.starts(text, with: "name:") {
                    guard let (value, column) = Self.value(of: "name:", in: text), NodeReader.isIdentifier(value) else { return nil }
                    header = Header(name: value, location: SourceLocation(line: line, column: column, offset: offset + column - 1))
                    if nameOnly { return header }
                } else if text.first == UInt8(ascii: "i"), let (value, column) = Self.value(of: "internal:", in: text) {
                    internalAt = value == "true" ? SourceLocation(line: line, column: column, offset: offset + column - 1) : nil
                } else if text.first == UInt8(ascii: "a"), Self.starts(text, with: "aliases:") {
                    aliases = flowList(text.dropFirst(8), line: line, lineStart: offset)
                    inAliasList = aliases.isEmpty && Self.value(of: "aliases:", in: text) == nil
                }
                offset = end + 1
                line += 1
            }
            header?.internalAt = internalAt
            header?.aliases = aliases
            header?.hasSteps = hasSteps
            return header
        }

        /// Where the line starting at `offset` ends: its newline, or the end of the bytes. (The
        /// whole file is read, since a key may be anywhere: memchr keeps that cheap.)
        static func lineEnd(_ bytes: [UInt8], from offset: Int) -> Int {
            bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress, let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return buffer.count }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
        }

        /// The names of `aliases:`'s value on its own line (`[a, b]` or `a`), each where it is
        /// written; `rest` is what follows the key.
        static func flowList(_ rest: ArraySlice<UInt8>, line: Int, lineStart: Int) -> [Located<String>] {
            var names: [Located<String>] = []
            var start = rest.startIndex
            var index = rest.startIndex
            func take() {
                var from = start
                var to = index
                while from < to, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "[")].contains(rest[from]) { from += 1 }
                while to > from, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "]")].contains(rest[to - 1]) { to -= 1 }
                guard from < to, let name = unquoted(String(decoding: rest[from..<to], as: UTF8.self)) else { return }
                let quoted = rest[from] == UInt8(ascii: "\"") || rest[from] == UInt8(ascii: "'")
                let column = from - (lineStart) + 1 + (quoted ? 1 : 0)
                names.append(Located(name, at: SourceLocation(line: line, column: column, offset: lineStart + column - 1)))
            }
            while index < rest.endIndex, rest[index] != UInt8(ascii: "#") {
                if rest[index] == UInt8(ascii: ",") {
                    take()
                    start = index + 1
                }
                index += 1
            }
            take()
            return names
        }

        /// The item of a block list line (`  - name`) and the column it starts at; nil for any
        /// other line.
        static func listItem(_ line: ArraySlice<UInt8>) -> (String, Int)? {
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = line.dropFirst(indent)
            guard rest.starts(with: "- ".utf8), let (value, column) = value(of: "-", in: rest) else { return nil }
            return (value, indent + column)
        }

        /// The value of a line `KEY VALUE` (`KEY` ending in `:`) and the column it starts at; nil
        /// when the line is not that key's.
        static func value(of key: StaticString, in line: ArraySlice<UInt8>) -> (String, Int)? {
            guard starts(line, with: key) else { return nil }
            let text = String(decoding: line.dropFirst(key.utf8CodeUnitCount), as: UTF8.self)
            let leading = text.prefix { $0 == " " || $0 == "\t" }.count
            guard let value = unquoted(text) else { return nil }
            return (value, key.utf8CodeUnitCount + leading + 1)
        }

        /// Whether `line` starts with `key`, compared in place.
        static func starts(_ line: ArraySlice<UInt8>, with key: StaticString) -> Bool {
            key.withUTF8Buffer { key in
                line.count >= key.count && line.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
            }
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
