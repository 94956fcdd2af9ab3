package import ProcrunText

extension ProcedureIndex {
    /// Where a reference leads: a file inside the library, or why it leads nowhere.
    package enum Resolution: Sendable {
        /// The procedure's file: its path as messages show it and its ``ProcedureIndex/Entry/key``.
        case found(path: String, key: String)
        /// Why the reference is refused (a lower-case message).
        case refused(Diagnostic)
    }

    /// Whether a reference is written as a path (`deploy/backend.yaml`) rather than a name.
    package static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("\\")
    }

    /// Resolves a procedure reference: a name looked up by the library rule, or a path taken from
    /// the library folder that must stay inside it (textually and after symbolic links).
    package func resolve(_ reference: String) -> Resolution {
        if reference.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return .refused(Diagnostic(LibraryProblem.controlCharacter(reference: reference)))
        }
        guard Self.isPath(reference) else { return resolve(name: reference) }
        if reference.hasPrefix("/") {
            return .refused(Diagnostic(LibraryProblem.absoluteReference(reference: reference, root: root)))
        }
        var parts: [Substring] = []
        for part in reference.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else {
                    return .refused(Diagnostic(LibraryProblem.leavesLibrary(reference: reference, root: root)))
                }
            } else {
                parts.append(part)
            }
        }
        let relative = parts.joined(separator: "/")
        let path = FileSystem.join(root, relative)
        guard !relative.isEmpty, let key = FileSystem.realPath(path), FileSystem.entryKind(key) == .file else {
            return .refused(Diagnostic(LibraryProblem.noSuchFile(reference: reference, root: root)))
        }
        guard let rootKey = FileSystem.realPath(root), key.hasPrefix(rootKey == "/" ? "/" : rootKey + "/") else {
            return .refused(Diagnostic(LibraryProblem.outsideThroughLink(reference: reference, root: root)))
        }
        return .found(path: path, key: key)
    }

    /// Resolves a file named on the command line (relative to the current folder, or absolute):
    /// it must be a regular file inside the library folder, after symbolic links.
    package func resolve(file: String) -> Resolution {
        guard let key = FileSystem.realPath(file) else {
            return .refused(Diagnostic(LibraryProblem.missingFile(path: file)))
        }
        // A FIFO or a device goes on to the one reading function, which refuses it at 1:1.
        guard FileSystem.entryKind(key) != .folder else {
            return .refused(Diagnostic(LibraryProblem.notAProcedureFile(path: file)))
        }
        guard let rootKey = FileSystem.realPath(root), LibraryLayout.contains(key, rootKey: rootKey) || owner(ofKey: key) !== self else {
            return .refused(Diagnostic(LibraryProblem.fileOutsideLibrary(path: file, root: root, link: FileSystem.entryKind(file) == .link)))
        }
        return .found(path: file, key: key)
    }

    private func resolve(name: String) -> Resolution {
        guard Self.isName(name) else {
            return .refused(Diagnostic(LibraryProblem.invalidReference(found: name)))
        }
        let entries = entriesByName[name] ?? []
        switch entries.count {
        case 0:
            return .refused(Diagnostic(unknown(name)))
        case 1:
            return .found(path: entries[0].path, key: entries[0].key)
        default:
            return .refused(clash(name) ?? Diagnostic(LibraryProblem.nameClaimed(name: name, paths: nil)))
        }
    }

    /// The error for a name that more than one file claims: at the second file's `name:` line,
    /// with a note at each other claim; nil when one file or none claims it.
    package func clash(_ name: String) -> Diagnostic? {
        let entries = entriesByName[name] ?? []
        guard entries.count > 1 else { return nil }
        let others = entries.enumerated().filter { $0.offset != 1 }.map { Diagnostic.Note(LibraryProblem.alsoClaimedHere, path: $0.element.path, at: $0.element.location) }
        return Diagnostic(LibraryProblem.nameClaimed(name: name, paths: entries.map(\.path)), path: entries[1].path, at: entries[1].location, notes: others)
    }
}
