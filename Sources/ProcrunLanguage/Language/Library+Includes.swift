import ProcrunText

extension Library {
    /// A library being read, on the way from the first one through `include:` entries: how an
    /// include cycle is found.
    struct IncludeLink {
        /// The library folder's absolute path, symbolic links resolved.
        var key: String
        /// The folder as messages show it.
        var shown: String
        /// The `include:` entry that brought it in (nil for the first library).
        var entry: Diagnostic.Note?
    }

    /// Reads `include:` (a mapping of prefix to library folder, relative to the folder of
    /// `procrun.yaml`), loading each included library with its own `procrun.yaml` and includes.
    /// `chain` holds the libraries being read that led here, this one last.
    mutating func readIncludes(_ pairs: [YAMLPair], file: SourceFile, chain: [IncludeLink], reader: inout NodeReader) {
        guard let include = pairs.first(where: { $0.key == "include" }), !include.value.isNull else { return }
        for pair in reader.mapping(include.value, "'include'") ?? [] {
            guard NodeReader.isIdentifier(pair.key) else {
                reader.error(.invalidName(kind: "include prefix", found: pair.key), at: pair.keyStart)
                continue
            }
            let what = "include '\(pair.key)'"
            guard let folder = reader.folder(pair.value, what, from: FileSystem.directory(of: file.path)) else { continue }
            let root = Self.tidy(folder.value)
            let key = CallGraph.key(of: root)
            let entry = Diagnostic.Note.at(pair.value.start, in: file, LibraryProblem.includedHere(prefix: pair.key))
            if let start = chain.firstIndex(where: { $0.key == key }) {
                let shown = chain[start...].map(\.shown) + [chain[start].shown]
                let notes = chain[(start + 1)...].compactMap(\.entry)
                reader.append([Diagnostic(LibraryProblem.includeCycle(chain: shown), path: file.path, at: pair.value.start, notes: notes)])
                continue
            }
            let config = FileSystem.join(root, Library.configName)
            var included = Library(root: root)
            if FileSystem.exists(config) {
                do throws(DiagnosticsError) {
                    included = try Library.load(config: config, root: root, chain: chain + [IncludeLink(key: key, shown: root, entry: entry)])
                } catch {
                    reader.append(error.diagnostics)
                    continue
                }
            } else if LibraryLayout.files(under: root).isEmpty {
                reader.append([Diagnostic(LibraryProblem.includeHoldsNoLibrary(prefix: pair.key, path: pair.value.scalar?.text ?? root), path: file.path, at: pair.value.start)])
                continue
            }
            includes.append(Include(prefix: Located(pair.key, at: pair.keyStart), library: included))
        }
    }

    /// This library, then every library it includes, depth first (an included one at each place
    /// it is included).
    package var withIncluded: [Library] {
        [self] + includes.flatMap(\.library.withIncluded)
    }

    /// `path` with each `NAME/..` taken out (`procedures/../docs` is `docs`), so that messages show
    /// an included library's files by a plain path.
    static func tidy(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) where part != "." || parts.isEmpty {
            if part == "..", let last = parts.last, last != "..", last != ".", !last.isEmpty {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let tidied = parts.joined(separator: "/")
        return tidied.isEmpty ? "." : tidied
    }
}
