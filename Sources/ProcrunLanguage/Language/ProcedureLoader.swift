package import ProcrunText

/// Reads a procedure file into a checked ``Procedure``, reporting every problem with its position.
///
/// Loading is all-or-nothing: a procedure with any error is never returned, so nothing runs from
/// a file that `procrun check` would reject.
package struct ProcedureLoader {
    /// The library the procedure belongs to (for its actions).
    package var library: Library
    /// Parameter overrides from `--adapt`, applied while compiling steps.
    package var adaptations: [Adaptation] = []
    /// The environment templates may read as `env` (checked before anything runs).
    package var environment: [String: String]
    /// The graph that finds and loads called procedures; without one, no procedure can be called.
    package var graph: CallGraph?

    /// Creates a loader.
    package init(
        library: Library, adaptations: [Adaptation] = [], environment: [String: String] = FileSystem.environment(), graph: CallGraph? = nil
    ) {
        self.library = library
        self.adaptations = adaptations
        self.environment = environment
        self.graph = graph
    }

    /// Reads and checks the procedure at `path`.
    package func load(path: String) throws(DiagnosticsError) -> Procedure {
        let file: SourceFile
        do {
            file = try SourceFile.read(path)
        } catch {
            throw DiagnosticsError([error])
        }
        return try load(file)
    }

    /// Reads and checks a procedure from a file's bytes.
    package func load(_ file: SourceFile) throws(DiagnosticsError) -> Procedure {
        let root: YAMLNode
        var reader = NodeReader(file: file)
        do {
            var problems: [Diagnostic] = []
            root = try YAMLParser(file: file).parse(recovering: &problems)
            reader.append(problems)
        } catch {
            throw DiagnosticsError([Self.expectingProcedure(error)])
        }
        let procedure = read(root, file: file, reader: &reader)
        if let procedure {
            var checker = ProcedureChecker(procedure: procedure, environment: environment)
            checker.droppedTemplates = reader.droppedTemplates
            checker.droppedConditions = reader.droppedConditions
            checker.library = library
            reader.append(checker.check(incomplete: !reader.diagnostics.isEmpty))
        }
        guard var procedure, reader.diagnostics.isEmpty else {
            throw DiagnosticsError(Diagnostic.sortedByPosition(reader.diagnostics))
        }
        procedure.warnings = reader.warnings
        return procedure
    }

    /// A file without a document says what a procedure file should hold.
    static func expectingProcedure(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.id == .emptyDocument else { return diagnostic }
        return Diagnostic(LanguageProblem.notAProcedure(found: diagnostic.message), path: diagnostic.path, at: diagnostic.location, notes: diagnostic.notes)
    }

    static let procedureKeys = ["name", "description", "internal", "aliases", "tags", "version", "inputs", "outputs", "env", "dotenv", "cwd", "shell", "vars", "needs", "precondition", "sources", "generates", "status", "steps", "finally", "stats", "superseded_by", "superseded_reason"]

    private func read(_ root: YAMLNode, file: SourceFile, reader: inout NodeReader) -> Procedure? {
        guard let pairs = reader.mapping(root, "the procedure", keys: Self.procedureKeys) else { return nil }
        let misspelled = reader.lastMisspellings
        var procedure = Procedure(file: file, root: root, name: Located("", at: root.start))
        var sawName = false
        var sawSteps = false
        for pair in pairs {
            let value = pair.value
            switch pair.key {
            case "name":
                sawName = true
                if let name = reader.identifier(value, "'name'") { procedure.name = Located(name, at: value.start) }
            case "description":
                procedure.description = optional(value) { reader.string($0, "'description'") } ?? ""
            case "internal":
                procedure.internalKey = optional(value) { reader.boolean($0, "'internal'") }.map { Located($0, at: value.start) }
            case "aliases":
                procedure.aliases = optional(value) { reader.oneOrMany($0, "'aliases'") }?.compactMap { node in
                    reader.identifier(node, "an alias").map { Located($0, at: node.start) }
                } ?? []
            case "tags":
                procedure.tags = optional(value) { reader.strings($0, "'tags'") } ?? []
            case "version":
                procedure.version = reader.integer(value, "'version'", in: 1...1_000_000) ?? 1
            case "inputs":
                if !value.isNull { procedure.inputs = readInputs(value, reader: &reader) }
            case "outputs":
                if !value.isNull { procedure.outputs = readNamedTemplates(value, "'outputs'", reader: &reader) }
            case "cwd":
                procedure.workingDirectory = reader.folder(value, "'cwd'", from: procedure.directory)
            case "shell":
                procedure.shell = reader.shell(value, "'shell'")
            case "needs":
                procedure.needs = readNeeds(value, reader: &reader)
            case "precondition":
                procedure.preconditions = Precondition.read(value, reader: &reader)
            case "steps":
                sawSteps = true
                procedure.steps = readSteps(value, reader: &reader)
            case "finally":
                if !value.isNull { procedure.finally = readSteps(value, "'finally'", label: "finally step", mayBeEmpty: true, reader: &reader) }
            case "superseded_by":
                procedure.supersededBy = optional(value) { reader.identifier($0, "'superseded_by'") }.map { Located($0, at: value.start) }
            case "superseded_reason":
                procedure.supersededReason = optional(value) { reader.string($0, "'superseded_reason'") } ?? ""
            case "stats":
                procedure.stats = value
                StatsValidator.validate(value, reader: &reader)
            default:
                break
            }
        }
        procedure.environment = EnvironmentSettings.read(pairs, directory: procedure.directory, root: library.root, reader: &reader)
        procedure.variables = Variable.read(pairs, library: false, reader: &reader)
        if pairs.contains(where: { UpToDateCheck.keys.contains($0.key) }) {
            // Everything the file says but its stats, which every run rewrites.
            let definition = pairs.filter { $0.key != "stats" }.map { $0.keyStart.offset..<$0.value.end.offset }
            procedure.upToDate = UpToDateCheck.read(pairs, command: nil, definition: definition, reader: &reader)
        }
        if !sawName, !misspelled.contains("name") { reader.error(.missingKey(key: "name", in: "the procedure"), at: root.start) }
        if !sawSteps, !misspelled.contains("steps") { reader.error(.missingKey(key: "steps", in: "the procedure"), at: root.start) }
        numberSteps(&procedure, reader: &reader)
        checkAdaptations(procedure, reader: &reader)
        checkHeader(procedure, reader: &reader)
        return procedure
    }

    /// What the library reads from the file's lines (``ProcedureIndex/Header``) must be what the
    /// file says, or `list` and `run` would disagree with `show`.
    private func checkHeader(_ procedure: Procedure, reader: inout NodeReader) {
        guard let header = ProcedureIndex.Header.read(procedure.file.bytes), header.name == procedure.name.value else { return }
        if header.isInternal != procedure.isInternal, let key = procedure.internalKey {
            reader.error(.headerLine(key: "internal", form: "internal: \(key.value)"), at: key.location)
        }
        var seen: Set<String> = []
        for alias in procedure.aliases where alias.value == procedure.name.value || !seen.insert(alias.value).inserted {
            reader.error(.aliasRepeated(alias: alias.value, ofName: alias.value == procedure.name.value), at: alias.location)
        }
        // (An alias that is no name is refused on its own.)
        let headerAliases = header.aliases.map(\.value).filter(NodeReader.isIdentifier)
        if headerAliases != procedure.aliases.map(\.value), let first = procedure.aliases.first ?? header.aliases.first {
            reader.error(.headerLine(key: "aliases", form: "aliases: [\(procedure.aliases.map(\.value).joined(separator: ", "))]"), at: first.location)
        }
    }

    /// Every `--adapt` must name an action some step uses and a parameter it accepts.
    private func checkAdaptations(_ procedure: Procedure, reader: inout NodeReader) {
        for adaptation in adaptations where !procedure.steps.contains(where: { $0.action.value == adaptation.action }) {
            let used = Set(procedure.allSteps.map(\.action.value))
            reader.append([Diagnostic(LanguageProblem.adaptationUnused(action: adaptation.action, parameter: adaptation.parameter, used: Array(used)))])
        }
    }

    /// Reads `name: template` pairs (procedure or step `outputs`).
    func readNamedTemplates(_ node: YAMLNode, _ what: String, reader: inout NodeReader) -> [(name: String, field: TemplateField)] {
        guard let pairs = reader.mapping(node, what) else { return [] }
        var result: [(name: String, field: TemplateField)] = []
        for pair in pairs {
            guard NodeReader.isIdentifier(pair.key) else {
                reader.error(.invalidName(kind: "output", found: pair.key), at: pair.keyStart)
                continue
            }
            if let field = Self.template(pair.value, "output '\(pair.key)'", reader: &reader) {
                result.append((pair.key, field))
            }
        }
        return result
    }

    /// Parses a scalar as a template, positioning a syntax error inside it. (Static: it needs
    /// nothing of a loader, and ``ActionCompiler`` calls it without one.)
    static func template(_ node: YAMLNode, _ what: @autoclosure () -> String, reader: inout NodeReader) -> TemplateField? {
        guard let text = reader.string(node, what()) else { return nil }
        do {
            return TemplateField(template: try Template(parsing: text), node: node)
        } catch {
            reader.append([TemplateField(template: Template(literal: text), node: node).diagnostic(error, in: reader.file)])
            return nil
        }
    }

    /// Parses a scalar as a condition: a bare expression or one `{{ expression }}`.
    static func condition(_ node: YAMLNode, _ what: @autoclosure () -> String, reader: inout NodeReader) -> Condition? {
        guard let text = reader.string(node, what()) else { return nil }
        do {
            return Condition(expression: try Expression.parseCondition(text), node: node, textOffset: 0)
        } catch {
            reader.append([TemplateField(template: Template(literal: text), node: node).diagnostic(error, in: reader.file)])
            return nil
        }
    }

    /// Runs `read` unless the node is null, which means "not given".
    func optional<T>(_ node: YAMLNode, _ read: (YAMLNode) -> T?) -> T? {
        node.isNull ? nil : read(node)
    }
}

extension YAMLNode {
    /// True for a null scalar (`~`, `null` or nothing).
    var isNull: Bool { scalar?.isNull ?? false }
}
