extension Glob {
    /// The files `including` match in `folder` that none of `excluding` matches: their paths
    /// relative to `folder` (an absolute pattern's as absolute paths), sorted, each once. Only
    /// files count (a symbolic link to a file too); folders are looked into for the parts of a
    /// pattern, a symbolic link to a folder only where a part names it (a `**` never follows one,
    /// so a link loop cannot make the walk endless).
    package static func files(including: [Glob], excluding: [Glob], in folder: String) -> [String] {
        var found: Set<String> = []
        for glob in including {
            let start = glob.isAbsolute ? "/" : ""
            glob.walk(glob.parts[...], relative: start, base: folder, into: &found)
        }
        return found.filter { path in !excluding.contains { $0.matches(path) } }.sorted()
    }

    /// Adds the files below `relative` (a path from `base`, empty for `base` itself) that `parts` match.
    private func walk(_ parts: ArraySlice<Part>, relative: String, base: String, into found: inout Set<String>) {
        guard let part = parts.first else { return }
        let last = parts.count == 1
        switch part {
        case .name(let name):
            let path = Self.append(name, to: relative)
            if last {
                if FileSystem.entryKind(Self.full(path, base), following: true) == .file { found.insert(path) }
            } else {
                walk(parts.dropFirst(), relative: path, base: base, into: &found)
            }
        case .anyFolders:
            // None: the rest matched here; then one level down, `**` still in front.
            if !last { walk(parts.dropFirst(), relative: relative, base: base, into: &found) }
            for (name, kind) in FileSystem.entries(of: Self.full(relative, base)) ?? [] {
                let path = Self.append(name, to: relative)
                if kind == .folder {
                    walk(parts, relative: path, base: base, into: &found)
                } else if last, kind == .file || FileSystem.entryKind(Self.full(path, base), following: true) == .file {
                    found.insert(path)
                }
            }
        case .pattern:
            for (name, kind) in FileSystem.entries(of: Self.full(relative, base)) ?? [] where Self.matches(part, Array(name.unicodeScalars)) {
                let path = Self.append(name, to: relative)
                let followed = kind == .link ? FileSystem.entryKind(Self.full(path, base), following: true) : kind
                if last {
                    if followed == .file { found.insert(path) }
                } else if followed == .folder {
                    walk(parts.dropFirst(), relative: path, base: base, into: &found)
                }
            }
        }
    }

    private static func append(_ name: String, to relative: String) -> String {
        relative.isEmpty ? name : relative.hasSuffix("/") ? relative + name : relative + "/" + name
    }

    private static func full(_ relative: String, _ base: String) -> String {
        relative.hasPrefix("/") ? relative : relative.isEmpty ? base : FileSystem.join(base, relative)
    }
}
