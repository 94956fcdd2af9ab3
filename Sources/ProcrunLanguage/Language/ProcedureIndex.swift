package import ProcrunText

/// The procedures of a library, found by name.
///
/// The files are those of ``LibraryLayout`` (the one rule of which files are procedures). A file
/// is known by the value of its top-level `name:` line (a line starting with `name:` in column 1),
/// read without parsing the whole file, so a procedure with a syntax error can still be found and
/// reported at its own position. Two files claiming one name make that name an error that lists
/// both; the file name itself never matters. The folder is scanned once, when first asked.
package final class ProcedureIndex {
    /// A procedure file found in the library.
    package struct Entry: Sendable {
        /// The name its `name:` line gives.
        package var name: String
        /// Its path as messages show it (the library folder joined with `relativePath`).
        package var path: String
        /// Its path inside the library.
        package var relativePath: String
        /// Its absolute path, symbolic links resolved: how the ``CallGraph`` tells files apart.
        package var key: String
        /// Where its name is written.
        package var location: SourceLocation
    }

    /// The library folder.
    package let root: String
    private var scanned: [String: [Entry]]?

    /// Files larger than this are not procedures (the parser's own limit).
    static let sizeLimit = 8 << 20

    /// An index of the library rooted at `root`; nothing is read until it is asked something.
    package init(root: String) {
        self.root = root
    }

    /// Every procedure file by name (a name with two entries is ambiguous).
    package var entriesByName: [String: [Entry]] {
        if let scanned { return scanned }
        var found: [String: [Entry]] = [:]
        for file in LibraryLayout.candidates(under: root) where file.status.size <= Self.sizeLimit {
            guard let bytes = try? FileSystem.read(file.key, limit: Self.sizeLimit), LibraryLayout.looksLikeProcedure(bytes),
                let (name, location) = Self.declaredName(in: bytes)
            else { continue }
            found[name, default: []].append(Entry(name: name, path: file.path, relativePath: file.relativePath, key: file.key, location: location))
        }
        scanned = found
        return found
    }

    /// The known names, sorted.
    package var names: [String] { entriesByName.keys.sorted() }

    /// Every entry, sorted by name, then path.
    package var entries: [Entry] {
        entriesByName.values.flatMap { $0 }.sorted { ($0.name, $0.relativePath) < ($1.name, $1.relativePath) }
    }

    /// The value of the top-level `name:` line of a file, and where it is written.
    static func declaredName(at path: String) -> (String, SourceLocation)? {
        guard let bytes = try? FileSystem.read(path, limit: sizeLimit), bytes.count <= sizeLimit else { return nil }
        return declaredName(in: bytes)
    }

    /// The value of the top-level `name:` line in a file's bytes, and where it is written.
    static func declaredName(in bytes: [UInt8]) -> (String, SourceLocation)? {
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let prefix = Array("name:".utf8)
        while offset < bytes.count {
            var end = offset
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if bytes[offset..<end].starts(with: prefix) {
                let text = String(decoding: bytes[(offset + prefix.count)..<end], as: UTF8.self)
                let leading = text.prefix { $0 == " " || $0 == "\t" }.count
                guard let name = unquoted(text), NodeReader.isIdentifier(name) else { return nil }
                return (name, SourceLocation(line: line, column: prefix.count + leading + 1, offset: offset + prefix.count + leading))
            }
            offset = end + 1
            line += 1
        }
        return nil
    }

    /// `name` from ` name`, ` "name"`, ` 'name'  # comment`.
    private static func unquoted(_ text: String) -> String? {
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
