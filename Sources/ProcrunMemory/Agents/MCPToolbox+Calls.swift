import ProcrunLanguage
import ProcrunSystem
import ProcrunText

extension MCPToolbox {
    func find(_ arguments: [String: Value]) -> MCPToolResult {
        let task: String
        switch Self.string(arguments, "task") {
        case .success(let text): task = text ?? ""
        case .failure(let error): return .error(error.message)
        }
        var limit = 5
        switch arguments["limit"] {
        case nil, .null?: break
        case .integer(let number)? where number > 0: limit = min(number, 100)
        case let other?: return .error("expected a positive integer for argument 'limit', found \(other.jsonText)")
        }
        let search = finder.find(task, inLibrary: root, limit: limit)
        let list: [Value] = search.matches.map { match in
            .mapping([
                "name": .string(match.name), "file": .string(match.file), "description": .string(match.description),
                "tags": .list(match.tags.map(Value.string)), "score": .number(match.score), "matched": .list(match.matched.map(Value.string)),
                "runs": .integer(match.runs), "success_rate": match.successRate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null,
            ])
        }
        var result: [String: Value] = ["procedures": .list(list)]
        if search.matches.isEmpty {
            result["nearest"] = .list(
                search.nearest.map { .mapping(["name": .string($0.name), "file": .string($0.file), "missing": .list($0.missing.map(Value.string))]) })
            if let hint = search.hint { result["hint"] = .string(hint) }
        }
        return MCPToolResult(text: Value.mapping(result).jsonText)
    }

    func show(_ arguments: [String: Value]) -> MCPToolResult {
        let path: String
        switch resolve(arguments) {
        case .success(let found): path = found
        case .failure(let error): return .error(error.message)
        }
        do {
            let library = try Library.discover(forProcedureAt: path, override: root)
            let graph = CallGraph(library: library)
            do {
                return MCPToolResult(text: ProcedureDescription.json(of: try graph.load(path: path), graph: graph))
            } catch {
                var renderer = DiagnosticRenderer(color: false)
                for file in graph.sources { renderer.add(file) }
                return .error("the procedure has problems:\n" + renderer.render(error.diagnostics))
            }
        } catch {
            return .error(DiagnosticRenderer(color: false).render(error.diagnostics))
        }
    }

    func run(_ arguments: [String: Value], progress: (@Sendable (MCPProgress) -> Void)? = nil) -> MCPToolResult {
        let path: String
        switch resolve(arguments) {
        case .success(let found): path = found
        case .failure(let error): return .error(error.message)
        }
        var command = ["run", path, "--json", "--library", root, "--timeout", "\(Int((stepTimeout.seconds * 1000).rounded()))ms"]
        var input: [UInt8]?
        switch arguments["inputs"] {
        case nil, .null?: break
        case .mapping?:
            // Typed values go to the child as JSON on its standard input: a list stays a list, and
            // no value is limited by the size of a command line.
            command += ["--inputs", "-"]
            input = Array((arguments["inputs"] ?? .null).jsonText.utf8)
        case let other?: return .error("expected an object for argument 'inputs', found \(other.valueType.nameWithArticle)")
        }
        switch arguments["dry_run"] {
        case nil, .null?, .boolean(false)?: break
        case .boolean(true)?: command.append("--dry-run")
        case let other?: return .error("expected true or false for argument 'dry_run', found \(other.jsonText)")
        }
        // Progress comes from the child's step events, a line each on its side channel.
        if progress != nil { command += ["--events-fd", "\(ProcessSpec.sideDescriptor)"] }
        let result = SelfInvocation.run(
            command, timeout: runTimeout, grace: Self.runGrace, standardInput: input ?? [], onSideLine: progress.map { RunProgress($0).take })
        let report = result.stdout.text.trimmingSpaces()
        if result.interrupted {
            // The server was interrupted: the run ended its step and ran its finally steps, as
            // `procrun run` does on Ctrl-C, and its report says it was interrupted.
            return report.isEmpty ? .error("the run was \(Interrupts.message)") : MCPToolResult(text: report, isError: true)
        }
        if result.exitCode == ExitStatus.success || result.exitCode == ExitStatus.failed, !report.isEmpty {
            return MCPToolResult(text: report, isError: result.exitCode != ExitStatus.success)
        }
        let why = result.stderr.text.trimmingSpaces()
        if result.timedOut { return .error("the run took longer than \(runTimeout.shortDescription) and was stopped") }
        return .error(why.isEmpty ? "procrun run exited with status \(result.exitCode)" : why)
    }

    func record(_ arguments: [String: Value]) -> MCPToolResult {
        let name: String
        switch Self.string(arguments, "name") {
        case .success(let text): name = text ?? ""
        case .failure(let error): return .error(error.message)
        }
        guard case .list(let items)? = arguments["steps"] else { return .error("expected a list of steps for argument 'steps'") }
        var steps: [RecordedStep] = []
        for (position, item) in items.enumerated() {
            guard case .mapping(let fields) = item, case .string = fields["action"] else {
                return .error("step \(position + 1): expected an object with a string 'action'")
            }
            switch fields["parameters"] {
            case nil, .null?, .mapping?: break
            case let other?: return .error("step \(position + 1): expected an object for 'parameters', found \(other.valueType.nameWithArticle)")
            }
            // Read as a line of an action log is: a JSON object's members (parameters among them)
            // have no order MCP keeps, so they come in name order.
            do {
                if let step = try ActionLog.entry(JSONValue(item)) { steps.append(step) }
            } catch {
                return .error("step \(position + 1): \(error.described.message)")
            }
        }
        var recording = AgentRecording(name: name, steps: steps)
        if case .string(let description)? = arguments["description"] { recording.description = description }
        if case .list(let tags)? = arguments["tags"] { recording.tags = tags.compactMap { if case .string(let tag) = $0 { tag } else { nil } } }
        switch arguments["inputs"] {
        case nil, .null?: break
        case .mapping(let inputs)?:
            for key in inputs.keys.sorted() {
                do {
                    recording.inputs.append(try DeclaredInput(name: key, spec: inputs[key] ?? .null))
                } catch {
                    return .error(error.described.message)
                }
            }
        case let other?: return .error("expected an object for argument 'inputs', found \(other.valueType.nameWithArticle)")
        }
        do {
            let saved = try recorder.record(recording, inLibrary: root)
            var result: [String: Value] = ["name": .string(name), "file": .string(saved.path)]
            if !saved.warnings.isEmpty {
                result["warnings"] = .list(saved.warnings.map { .string(DiagnosticRenderer(color: false).render($0).trimmingSpaces()) })
            }
            return MCPToolResult(text: Value.mapping(result).jsonText)
        } catch {
            return .error(DiagnosticRenderer(color: false).render(error.diagnostics).trimmingSpaces())
        }
    }

    func stats(_ arguments: [String: Value]) -> MCPToolResult {
        var paths: [String]
        switch Self.string(arguments, "name", required: false) {
        case .failure(let error): return .error(error.message)
        case .success(nil): paths = ProcedureIndex(root: root).entries.map(\.path)
        case .success(.some):
            switch resolve(arguments) {
            case .success(let path): paths = [path]
            case .failure(let error): return .error(error.message)
            }
        }
        if paths.isEmpty { return MCPToolResult(text: #"{"procedures":[]}"#) }
        let result = SelfInvocation.run(["stats", "--json"] + paths, timeout: .seconds(60))
        if result.interrupted { return .error(Interrupts.message) }
        let text = result.stdout.text.trimmingSpaces()
        guard result.exitCode == ExitStatus.success, !text.isEmpty else {
            return .error(result.stderr.text.trimmingSpaces().isEmpty ? "procrun stats exited with status \(result.exitCode)" : result.stderr.text.trimmingSpaces())
        }
        return MCPToolResult(text: text)
    }

    /// The file of the procedure argument `name` names: a procedure name or a path inside the
    /// library, resolved by the library's one rule (nothing outside the library, links included).
    private func resolve(_ arguments: [String: Value]) -> Result<String, MCPArgumentError> {
        let reference: String
        switch Self.string(arguments, "name") {
        case .success(let text): reference = text ?? ""
        case .failure(let error): return .failure(error)
        }
        switch ProcedureIndex(root: root).resolve(reference) {
        case .found(let path, _): return .success(path)
        case .refused(let problem): return .failure(MCPArgumentError(DiagnosticRenderer(color: false).render(problem).trimmingSpaces()))
        }
    }
}
