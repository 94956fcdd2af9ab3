extension ProcedureIndex {
    /// Every procedure of the libraries `include:` brings in, by each name it answers to from
    /// here: `PREFIX:NAME` and `PREFIX:ALIAS` (and `PREFIX:INNER:NAME` through their own includes).
    var includedEntries: [String: [Entry]] {
        var found: [String: [Entry]] = [:]
        for (prefix, index, _) in included {
            for (name, entries) in index.entriesByName {
                found[prefix + ":" + name] = entries.map { entry in
                    var named = entry
                    named.name = prefix + ":" + entry.name
                    named.aliases = entry.aliases.map { prefix + ":" + $0 }
                    return named
                }
            }
        }
        return found
    }

    /// Whether the file whose key is `key` lies in the folder of a library this one includes: it is
    /// that library's, not this one's.
    package func isIncluded(_ key: String) -> Bool {
        !library.includes.isEmpty && included.contains { $0.rootKey.map { LibraryLayout.contains(key, rootKey: $0) } ?? false }
    }

    /// The index of the library the file whose key is `key` belongs to: this one, or (for a file in
    /// the folder of a library it includes, at any depth) that library's, whose names its
    /// procedures use and whose configuration they run with.
    package func owner(ofKey key: String) -> ProcedureIndex {
        guard !library.includes.isEmpty else { return self }
        for (_, index, rootKey) in included {
            if let rootKey, LibraryLayout.contains(key, rootKey: rootKey) { return index.owner(ofKey: key) }
            // A library it includes in turn may lie elsewhere.
            let deeper = index.owner(ofKey: key)
            if deeper !== index { return deeper }
        }
        return self
    }

    /// Whether `text` is a procedure name as a reference writes it: a name, or names joined by `:`
    /// (`docs:build`, a procedure of the library included as `docs`).
    static func isName(_ text: String) -> Bool {
        // Most names (every action of every step is asked) have no prefix: no split for them.
        if NodeReader.isIdentifier(text) { return true }
        return text.split(separator: ":", omittingEmptySubsequences: false).allSatisfy { NodeReader.isIdentifier(String($0)) }
    }

    /// Why no procedure answers to `name`: a prefix the library (or the included one it leads to)
    /// does not include, or a name that library does not have, with "did you mean" among its own.
    func unknown(_ name: String) -> LibraryProblem {
        var index = self
        var path = ""
        var rest = Substring(name)
        while let colon = rest.firstIndex(of: ":") {
            let prefix = String(rest[..<colon])
            guard let child = index.included.first(where: { $0.prefix == prefix }) else {
                return .noSuchPrefix(name: name, prefix: path + prefix, root: index.root, known: index.included.map { path + $0.prefix })
            }
            path += prefix + ":"
            index = child.index
            rest = rest[rest.index(after: colon)...]
        }
        return .noSuchProcedure(name: name, root: index.root, known: index.names.map { path + $0 })
    }
}
