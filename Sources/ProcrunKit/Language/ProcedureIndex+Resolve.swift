extension ProcedureIndex {
    /// Where a reference leads: a file inside the library, or why it leads nowhere.
    public enum Resolution: Sendable {
        /// The procedure's file: its path as messages show it and its ``ProcedureIndex/Entry/key``.
        case found(path: String, key: String)
        /// Why the reference is refused (a lower-case message).
        case refused(String)
    }

    /// Whether a reference is written as a path (`deploy/backend.yaml`) rather than a name.
    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("\\")
    }

    /// Resolves a procedure reference: a name looked up by the library rule, or a path taken from
    /// the library folder that must stay inside it (textually and after symbolic links).
    public func resolve(_ reference: String) -> Resolution {
        if reference.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return .refused("procedure reference '\(reference.excerpt(60))' contains a control character")
        }
        guard Self.isPath(reference) else { return resolve(name: reference) }
        if reference.hasPrefix("/") {
            return .refused("procedure reference '\(reference)' is an absolute path; a reference is a procedure name or a path inside the library folder '\(root)'")
        }
        var parts: [Substring] = []
        for part in reference.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else {
                    return .refused("procedure reference '\(reference)' leaves the library folder '\(root)'")
                }
            } else {
                parts.append(part)
            }
        }
        let relative = parts.joined(separator: "/")
        let path = FileSystem.join(root, relative)
        guard !relative.isEmpty, let key = FileSystem.realPath(path), FileSystem.entryKind(key) == .file else {
            return .refused("no procedure file '\(reference)' in the library folder '\(root)'")
        }
        guard let rootKey = FileSystem.realPath(root), key.hasPrefix(rootKey == "/" ? "/" : rootKey + "/") else {
            return .refused("procedure reference '\(reference)' resolves outside the library folder '\(root)' (through a symbolic link)")
        }
        return .found(path: path, key: key)
    }

    /// Resolves a file named on the command line (relative to the current folder, or absolute):
    /// it must be a regular file inside the library folder, after symbolic links.
    public func resolve(file: String) -> Resolution {
        guard let key = FileSystem.realPath(file) else {
            return .refused("cannot read '\(file)': no such file or directory")
        }
        // A FIFO or a device goes on to the one reading function, which refuses it at 1:1.
        guard FileSystem.entryKind(key) != .folder else {
            return .refused("'\(file)' is not a procedure file")
        }
        guard let rootKey = FileSystem.realPath(root), LibraryLayout.contains(key, rootKey: rootKey) else {
            return .refused("'\(file)' is outside the library folder '\(root)'\(FileSystem.entryKind(file) == .link ? " (through a symbolic link)" : "")")
        }
        return .found(path: file, key: key)
    }

    private func resolve(name: String) -> Resolution {
        guard NodeReader.isIdentifier(name) else {
            return .refused("expected a procedure name or a path inside the library for 'procedure', found '\(name.excerpt(60))'")
        }
        let entries = entriesByName[name] ?? []
        switch entries.count {
        case 0:
            return .refused("no procedure named '\(name)' in the library folder '\(root)'\(Suggestion.hint(for: name, in: names))")
        case 1:
            return .found(path: entries[0].path, key: entries[0].key)
        default:
            let places = entries.map { "\($0.path):\($0.location.line)" }.joined(separator: " and ")
            return .refused("procedure name '\(name)' is claimed by more than one file (\(places)); names must be unique in a library")
        }
    }
}
