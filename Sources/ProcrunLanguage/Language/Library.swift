package import ProcrunSystem
package import ProcrunText

/// A folder of procedures and the actions its `procrun.yaml` defines.
package struct Library: Sendable {
    /// The library's root folder.
    package var root: String
    /// The `procrun.yaml` read, if there is one.
    package var configFile: SourceFile?
    /// The actions it defines, by name.
    package var actions: [String: LibraryAction] = [:]
    /// The executor that runs actions nothing else defines (`executor:` or `--executor`).
    package var executor: ExternalCommand?
    /// Actions nothing else defines are performed by the calling program instead of an executor
    /// process (``ProceduralMemory/replay(_:inputs:adapt:learn:executor:)``'s closure, set on the
    /// interpreter as ``Interpreter/callerExecutor``); the loader accepts them as with `executor`.
    package var callerExecutes = false
    /// The MCP servers `action: mcp` steps may call, by name (`mcp_servers:`).
    package var mcpServers: [String: ExternalCommand] = [:]
    /// `learn:`: whether runs of the library's procedures are learned from (nil when not set;
    /// see ``LearningSwitch``).
    package var learn: Bool?
    /// The longest a step may run when it sets no `timeout` of its own (`defaults: {timeout: ...}`);
    /// `procrun run --timeout` wins over it.
    package var defaultTimeout: Duration?
    /// The folder the commands of its procedures run in when neither the step nor the procedure
    /// sets a `cwd` (`defaults: {cwd: ...}`), joined to `procrun.yaml`'s folder.
    package var defaultWorkingDirectory: Located<String>?
    /// The shell its procedures' command lines run with when neither the step nor the procedure
    /// sets a `shell` (`defaults: {shell: ...}`).
    package var defaultShell: Located<ShellProgram>?
    /// `default:`: the procedure `procrun` alone runs (without it, `procrun` alone lists them).
    package var defaultProcedure: Located<String>?

    /// What `procrun find` should take each abbreviation for (`find: {abbreviations: ...}`), over
    /// its built-in table.
    package var findAbbreviations: [String: String] = [:]

    /// Environment variables for every step of the library's procedures (`env:`, `dotenv:`).
    package var environment = EnvironmentSettings()
    /// The variables every procedure of the library reads as `vars.NAME` (`vars:`), in file order.
    package var variables: [Variable] = []
    /// The other libraries `include:` brings in, by prefix, in file order.
    package var includes: [Include] = []

    /// The name of a library's configuration file.
    package static let configName = "procrun.yaml"

    /// A library with no actions rooted at `root`.
    package init(root: String) {
        self.root = root
    }

    /// The library a procedure belongs to: the nearest folder at or above the procedure's own that
    /// holds `procrun.yaml`, not above the repository's root (``upward(from:)``), else the
    /// procedure's folder; `override` (from `--library`) wins.
    package static func discover(forProcedureAt path: String, override: String? = nil) throws(DiagnosticsError) -> Library {
        if let override {
            guard FileSystem.isDirectory(override) else {
                throw DiagnosticsError([Diagnostic(LibraryProblem.notAFolder(library: override))])
            }
            let config = FileSystem.join(override, configName)
            return FileSystem.exists(config) ? try load(config: config, root: override) : Library(root: override)
        }
        let start = FileSystem.directory(of: path)
        for folder in upward(from: start) {
            let config = folder == "/" ? "/" + configName : folder + "/" + configName
            if FileSystem.exists(config) {
                return try load(config: relativeIfBelow(config, start: start), root: relativeIfBelow(folder, start: start))
            }
        }
        return Library(root: start)
    }

    /// Shows the config path relative to how the user named the procedure when it is in that folder.
    private static func relativeIfBelow(_ absolute: String, start: String) -> String {
        let base = FileSystem.absolute(start)
        if absolute == base { return start }
        if absolute.hasPrefix(base + "/") { return FileSystem.join(start, String(absolute.dropFirst(base.count + 1))) }
        return absolute
    }

    static let configKeys = ["actions", "executor", "mcp_servers", "learn", "default", "defaults", "env", "dotenv", "find", "vars", "include"]
    static let defaultsKeys = ["timeout", "cwd", "shell"]
    static let actionKeys = ["description", "parameters", "command", "env", "cwd", "shell"]
    static let parameterKeys = ["default", "required", "description"]

    /// Reads a `procrun.yaml`, and the libraries it includes.
    package static func load(config path: String, root: String) throws(DiagnosticsError) -> Library {
        try load(config: path, root: root, chain: [])
    }

    /// Reads a `procrun.yaml` reached through the `include:` entries of `chain` (this one last).
    static func load(config path: String, root: String, chain: [IncludeLink]) throws(DiagnosticsError) -> Library {
        let file: SourceFile
        do {
            file = try SourceFile.read(path)
        } catch {
            throw DiagnosticsError([error])
        }
        var library = Library(root: root)
        library.configFile = file
        let document: YAMLNode
        do {
            document = try YAMLParser(file: file).parse()
        } catch {
            // An empty `procrun.yaml` (or one of comments only) marks the library's root and configures nothing.
            if error.id == .emptyDocument { return library }
            throw DiagnosticsError([error])
        }
        // So does a document with nothing in it (`---` alone).
        if document.isNull { return library }
        var reader = NodeReader(file: file)
        let loader = ProcedureLoader(library: library, environment: [:])
        if let pairs = reader.mapping(document, "procrun.yaml", keys: configKeys) {
            if let actions = pairs.first(where: { $0.key == "actions" }) {
                for pair in reader.mapping(actions.value, "'actions'") ?? [] {
                    if let action = readAction(pair, file: file, loader: loader, reader: &reader) {
                        library.actions[pair.key] = action
                    }
                }
            }
            library.readAgentKeys(pairs, reader: &reader)
            library.readFindKeys(pairs, reader: &reader)
            let links = chain.isEmpty ? [IncludeLink(key: CallGraph.key(of: root), shown: root, entry: nil)] : chain
            library.readIncludes(pairs, file: file, chain: links, reader: &reader)
            if let learn = pairs.first(where: { $0.key == "learn" }), !learn.value.isNull {
                library.learn = reader.boolean(learn.value, "'learn'")
            }
            if let name = pairs.first(where: { $0.key == "default" }), !name.value.isNull {
                library.defaultProcedure = reader.identifier(name.value, "'default'", qualified: true).map { Located($0, at: name.value.start) }
            }
            if let defaults = pairs.first(where: { $0.key == "defaults" }) {
                for pair in reader.mapping(defaults.value, "'defaults'", keys: defaultsKeys) ?? [] {
                    switch pair.key {
                    case "timeout": library.defaultTimeout = reader.duration(pair.value, "'defaults.timeout'")
                    case "shell": library.defaultShell = reader.shell(pair.value, "'defaults.shell'")
                    case "cwd": library.defaultWorkingDirectory = reader.folder(pair.value, "'defaults.cwd'", from: FileSystem.directory(of: path))
                    default: break
                    }
                }
            }
            library.environment = EnvironmentSettings.read(pairs, directory: FileSystem.directory(of: path), root: library.root, reader: &reader)
            library.checkEnvironment(file: file, reader: &reader)
            library.variables = Variable.read(pairs, library: true, reader: &reader)
            reader.append(library.checkedVariables(process: FileSystem.environment()).diagnostics)
        }
        guard reader.diagnostics.isEmpty else { throw DiagnosticsError(reader.diagnostics) }
        return library
    }

    /// Whether a step of this library may use `action`: a built-in action, one its `procrun.yaml`
    /// defines, a procedure of the library (found in `index`), or any name when an executor (or
    /// the calling program) performs the actions nothing else defines. The loader decides the
    /// same way; this answers it for callers that have no step yet (`record --from`).
    package func runs(_ action: String, index: ProcedureIndex) -> Bool {
        BuiltinActions.contains(action) || actions[action] != nil || executor != nil || callerExecutes
            || index.entriesByName[action] != nil
    }

    private static func readAction(_ pair: YAMLPair, file: SourceFile, loader: ProcedureLoader, reader: inout NodeReader) -> LibraryAction? {
        let what = "action '\(pair.key)'"
        guard NodeReader.isIdentifier(pair.key) else {
            reader.error(.invalidName(kind: "action", found: pair.key), at: pair.keyStart)
            return nil
        }
        if BuiltinActions.contains(pair.key) {
            reader.error(.builtinActionReplaced(action: pair.key), at: pair.keyStart)
            return nil
        }
        guard let fields = reader.mapping(pair.value, what, keys: actionKeys) else { return nil }
        guard pair.value["command"] != nil else {
            reader.error(.missingKey(key: "command", in: what), at: pair.value.start)
            return nil
        }
        var parameters: [LibraryAction.Parameter] = []
        if let node = pair.value["parameters"], !node.isNull {
            for declared in reader.mapping(node, "'parameters' of \(what)") ?? [] {
                var parameter = LibraryAction.Parameter(name: declared.key)
                if !declared.value.isNull, let keys = reader.mapping(declared.value, "parameter '\(declared.key)'", keys: parameterKeys) {
                    for key in keys {
                        switch key.key {
                        case "default": parameter.defaultValue = reader.string(key.value, "'default'")
                        case "required": parameter.required = reader.boolean(key.value, "'required'") ?? false
                        case "description": parameter.description = reader.string(key.value, "'description'") ?? ""
                        default: break
                        }
                    }
                }
                parameters.append(parameter)
            }
        }
        let commandPairs = fields.filter { ["command", "env", "cwd", "shell"].contains($0.key) }
        let compiler = ActionCompiler(
            action: Located(pair.key, at: pair.keyStart), mcpServers: loader.library.mcpServers,
            parameters: commandPairs.map { .init(name: $0.key, keyStart: $0.keyStart, node: $0.value) })
        guard let command = ShellAction.command(compiler, reader: &reader) else { return nil }
        var action = LibraryAction(name: pair.key, location: pair.keyStart, file: file, parameters: parameters, command: command)
        action.description = pair.value["description"].flatMap { reader.string($0, "'description'") } ?? ""
        let scope = NameShape.object(
            ["params": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, NameShape.value(.string)) }), open: false, optionalWithDefault: false)],
            open: false, optionalWithDefault: false)
        for field in command.templates {
            reader.append(field.template.check(in: scope).map { field.diagnostic($0, in: file) })
        }
        reader.append(command.shellSafetyDiagnostics(in: scope, file: file))
        return action
    }
}
