package import ProcrunText

/// The procedures of a library, found by name.
///
/// The files are those of ``LibraryLayout`` (the one rule of which files are procedures). A file
/// is known by the value of its top-level `name:` line (a line starting with `name:` in column 1,
/// with the other lines of its ``Header``), read without parsing the whole file, so a procedure with a syntax error can still be found and
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
        /// `internal: true`: it runs only when another procedure calls it, and is not listed.
        package var isInternal = false
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
        for file in LibraryLayout.files(under: root) where file.status.size <= Self.sizeLimit {
            guard let header = Self.header(at: file.key) else { continue }
            found[header.name, default: []].append(
                Entry(name: header.name, path: file.path, relativePath: file.relativePath, key: file.key, location: header.location, isInternal: header.isInternal))
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
        header(at: path).map { ($0.name, $0.location) }
    }

    /// The value of the top-level `name:` line in a file's bytes, and where it is written.
    static func declaredName(in bytes: [UInt8]) -> (String, SourceLocation)? {
        Header.read(bytes).map { ($0.name, $0.location) }
    }

    /// The ``Header`` of the file at `path` (nil when it cannot be read or declares no name).
    package static func header(at path: String) -> Header? {
        guard let bytes = try? FileSystem.read(path, limit: sizeLimit), bytes.count <= sizeLimit else { return nil }
        return Header.read(bytes)
    }
}
