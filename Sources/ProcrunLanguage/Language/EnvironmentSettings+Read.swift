import ProcrunText

extension EnvironmentSettings {
    static let dotenvKeys = ["path", "optional", "secret", "outside_library"]

    /// Reads the `env` and `dotenv` keys of `pairs` (a procedure's or `procrun.yaml`'s top level);
    /// `.env` paths are taken from `directory` and must stay inside the library folder `root`
    /// (unless marked `outside_library`); a missing one is an error unless optional.
    static func read(_ pairs: [YAMLPair], directory: String, root: String, reader: inout NodeReader) -> EnvironmentSettings {
        var settings = EnvironmentSettings()
        if let node = pairs.first(where: { $0.key == "dotenv" })?.value, !node.isNull {
            let items = node.items ?? [node]
            for item in items { settings.load(item, directory: directory, root: root, reader: &reader) }
        }
        if let node = pairs.first(where: { $0.key == "env" })?.value, !node.isNull {
            for pair in reader.mapping(node, "'env'") ?? [] {
                guard isVariableName(pair.key) else {
                    reader.error(.variableName(found: pair.key), at: pair.keyStart)
                    continue
                }
                if let field = ProcedureLoader.template(pair.value, "'env.\(pair.key)'", reader: &reader) {
                    settings.values.append((pair.key, field))
                }
            }
        }
        return settings
    }

    /// Reads one `.env` file named by `node`: a path, or `{path, optional, secret, outside_library}`.
    private mutating func load(_ node: YAMLNode, directory: String, root: String, reader: inout NodeReader) {
        var path: String?
        var optional = false
        var secret = false
        var outsideLibrary = false
        var pathNode = node
        if node.scalar != nil {
            path = reader.string(node, "'dotenv'")
        } else {
            guard let pairs = reader.mapping(node, "'dotenv'", keys: Self.dotenvKeys) else { return }
            for pair in pairs {
                switch pair.key {
                case "path":
                    path = reader.string(pair.value, "'path'")
                    pathNode = pair.value
                case "optional": optional = reader.boolean(pair.value, "'optional'") ?? false
                case "secret": secret = reader.boolean(pair.value, "'secret'") ?? false
                case "outside_library": outsideLibrary = reader.boolean(pair.value, "'outside_library'") ?? false
                default: break
                }
            }
            if path == nil, !reader.lastMisspellings.contains("path") {
                reader.error(.missingKey(key: "path", in: "'dotenv'"), at: node.start)
            }
        }
        guard let path else { return }
        let full = FileSystem.join(directory, path)
        if !outsideLibrary, !LibraryLayout.holds(full, root: root) {
            reader.error(.dotenvOutside(path: path, root: root), at: pathNode.start)
            return
        }
        guard FileSystem.exists(full) else {
            if !optional {
                reader.error(.dotenvMissing(path: path, full: full), at: pathNode.start)
            }
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(full, limit: 1 << 20)
        } catch {
            reader.error(.dotenvUnreadable(path: path, reason: error.description), at: pathNode.start)
            return
        }
        if secret { secretFiles.append(Located(full, at: pathNode.start)) }
        do {
            for (name, value) in try DotenvParser.parse(String(decoding: bytes, as: UTF8.self)) {
                loaded.append(Loaded(name: name, value: value, secret: secret))
            }
        } catch {
            if secret {
                // A secret file's lines are never shown: the place is in the message, not a position
                // the renderer would quote the line of.
                reader.append([Diagnostic(LanguageProblem.atLine(line: error.line, column: error.column, error.problem), path: full)])
            } else {
                reader.append([Diagnostic(error.problem, path: full, at: SourceLocation(line: error.line, column: error.column, offset: 0))])
            }
        }
    }

    /// Letters, digits and `_`, not starting with a digit.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
