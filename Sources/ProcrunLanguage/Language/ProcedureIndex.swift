package import ProcrunText

/// The procedures of a library, found by name.
///
/// The files are those of ``LibraryLayout`` (the one rule of which files are procedures). A file
/// is known by the value of its top-level `name:` line (a line starting with `name:` in column 1)
/// and by each of its `aliases`, read with the rest of its ``Header`` without parsing the whole
/// file, so a procedure with a syntax error can still be found and reported at its own position.
/// Two files claiming one name (a name or an alias) make that name an error that lists both; the
/// file name itself never matters. The folder is scanned once, when first asked.
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
        /// Where the name it is found by is written: its `name:` line, or the alias.
        package var location: SourceLocation
        /// `internal: true`: it runs only when another procedure calls it, and is not listed.
        package var isInternal = false
        /// The other names it answers to (`aliases:`), in file order.
        package var aliases: [String] = []
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

    /// Every procedure file by each name it answers to, its name and its aliases (a name with two
    /// entries is ambiguous).
    package var entriesByName: [String: [Entry]] {
        if let scanned { return scanned }
        var found: [String: [Entry]] = [:]
        for file in LibraryLayout.candidates(under: root) where file.status.size <= Self.sizeLimit {
            // A header read with its steps line is what looksLikeProcedure asks, in the same pass.
            guard let bytes = try? FileSystem.read(file.key, limit: Self.sizeLimit), let header = Header.read(bytes), header.hasSteps
            else { continue }
            var aliases: [Located<String>] = []
            for alias in header.aliases where alias.value != header.name && NodeReader.isIdentifier(alias.value) && !aliases.contains(where: { $0.value == alias.value }) {
                aliases.append(alias)
            }
            let entry = Entry(
                name: header.name, path: file.path, relativePath: file.relativePath, key: file.key, location: header.location, isInternal: header.isInternal,
                aliases: aliases.map(\.value))
            found[header.name, default: []].append(entry)
            // An alias is one more name the file claims, where the alias is written.
            for alias in aliases {
                var claim = entry
                claim.location = alias.location
                found[alias.value, default: []].append(claim)
            }
        }
        scanned = found
        return found
    }

    /// Every name a procedure answers to (names and aliases), sorted.
    package var names: [String] { entriesByName.keys.sorted() }

    /// Every entry, once each (by its name, not its aliases), sorted by name, then path.
    package var entries: [Entry] {
        entriesByName.flatMap { name, entries in entries.filter { $0.name == name } }.sorted { ($0.name, $0.relativePath) < ($1.name, $1.relativePath) }
    }

    /// The value of the top-level `name:` line of a file, and where it is written.
    static func declaredName(at path: String) -> (String, SourceLocation)? {
        header(at: path).map { ($0.name, $0.location) }
    }

    /// The value of the top-level `name:` line in a file's bytes, and where it is written.
    static func declaredName(in bytes: [UInt8]) -> (String, SourceLocation)? {
        Header.read(bytes, nameOnly: true).map { ($0.name, $0.location) }
    }

    /// The ``Header`` of the file at `path` (nil when it cannot be read or declares no name).
    package static func header(at path: String) -> Header? {
        guard let bytes = try? FileSystem.read(path, limit: sizeLimit), bytes.count <= sizeLimit else { return nil }
        return Header.read(bytes)
    }
}
