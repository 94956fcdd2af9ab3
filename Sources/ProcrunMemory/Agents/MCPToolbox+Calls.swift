import ProcrunLanguage
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

extension MCPToolbox {
    func find(_ arguments: [String: Value]) -> MCPToolResult {
        let task: String
        switch Self.string(arguments, "task") {
        case .success(let text): task = text ?? ""
        case .failure(let problem): return .error(problem)
        }
        var limit = 5
        switch arguments["limit"] {
        case nil, .null?: break
        case .integer(let number)? where number > 0: limit = min(number, 100)
        case let other?: return .error(.notPositive(name: "limit", found: other))
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
        case .failure(let problem): return .error(problem)
        }
        do {
            let library = try Library.discover(forProcedureAt: path, override: root)
            let graph = CallGraph(library: library)
            do {
                return MCPToolResult(text: ProcedureDescription.json(of: try graph.load(path: path), graph: graph))
            } catch {
                var renderer = DiagnosticRenderer(color: false)
                for file in graph.sources { renderer.add(file) }
                return .error(.procedureProblems(error.diagnostics, rendered: renderer.render(error.diagnostics)))
            }
        } catch {
            return .error(.procedureProblems(error.diagnostics, rendered: DiagnosticRenderer(color: false).render(error.diagnostics)))
        }
    }

    func run(_ arguments: [String: Value], progress: (@Sendable (MCPProgress) -> Void)? = nil) -> MCPToolResult {
        let path: String
        switch resolve(arguments) {
        case .success(let found): path = found
        case .failure(let problem):
            // A name that leads nowhere is a run that could not start: its report, as `procrun
            // run NAME --json` prints it.
            guard case .refused(let reference, let refusal) = problem else { return .error(problem) }
            return MCPToolResult(text: JSONReport.renderNotStarted(file: reference, procedure: nil, diagnostics: [refusal]), kind: problem.described.kind)
        }
        // Typed values go to the child as JSON on its standard input, always (`{}` for none), so
        // that a list stays a list, no value is limited by the size of a command line, and the
        // child speaks of inputs in JSON's terms.
        var command = ["run", path, "--json", "--library", root, "--timeout", "\(Int((stepTimeout.seconds * 1000).rounded()))ms", "--inputs", "-"]
        let input: [UInt8]
        switch arguments["inputs"] {
        case nil, .null?: input = Array("{}".utf8)
        case .mapping?: input = Array((arguments["inputs"] ?? .null).jsonText.utf8)
        case let other?: return .error(.argumentType(name: "inputs", expected: "an object", found: other))
        }
        switch arguments["dry_run"] {
        case nil, .null?, .boolean(false)?: break
        case .boolean(true)?: command.append("--dry-run")
        case let other?: return .error(.argumentType(name: "dry_run", expected: "a boolean", found: other))
        }
        // Progress comes from the child's step events, a line each on its side channel.
        if progress != nil { command += ["--events-fd", "\(ProcessSpec.sideDescriptor)"] }
        let result = SelfInvocation.run(
            command, timeout: runTimeout, grace: Self.runGrace, standardInput: input, onSideLine: progress.map { RunProgress($0).take })
        let report = result.stdout.text.trimmingSpaces()
        if result.interrupted {
            // The server was interrupted: the run ended its step and ran its finally steps, as
            // `procrun run` does on Ctrl-C, and its report says it was interrupted.
            return report.isEmpty ? .error(.interrupted(run: true)) : MCPToolResult(text: report, kind: .interrupted)
        }
        if result.exitCode == ExitStatus.success || result.exitCode == ExitStatus.failed, !report.isEmpty {
            return MCPToolResult(text: report, kind: result.exitCode == ExitStatus.success ? nil : .runFailed)
        }
        if result.exitCode == ExitStatus.invalid, !report.isEmpty {
            // Nothing ran: the report's diagnostics say why, and their ids which kind of error it is.
            return MCPToolResult(text: report, kind: MCPToolResult.Kind(notStartedReport: report))
        }
        if result.timedOut { return .error(.runTimedOut(limit: runTimeout)) }
        return .error(.childFailed(command: "run", status: result.exitCode, stderr: result.stderr.text.trimmingSpaces()))
    }

    func record(_ arguments: [String: Value]) -> MCPToolResult {
        let name: String
        switch Self.string(arguments, "name") {
        case .success(let text): name = text ?? ""
        case .failure(let problem): return .error(problem)
        }
        let items: [Value]
        switch arguments["steps"] {
        case .list(let list)?: items = list
        case nil, .null?: return .error(.missingArgument(name: "steps"))
        case let other?: return .error(.argumentType(name: "steps", expected: "an array of steps", found: other))
        }
        var steps: [RecordedStep] = []
        for (position, item) in items.enumerated() {
            guard case .mapping(let fields) = item, case .string = fields["action"] else {
                return .error(.stepWithoutAction(number: position + 1))
            }
            switch fields["parameters"] {
            case nil, .null?, .mapping?: break
            case let other?: return .error(.stepParameters(number: position + 1, found: other))
            }
            // Read as a line of an action log is: a JSON object's members (parameters among them)
            // have no order MCP keeps, so they come in name order.
            do {
                if let step = try ActionLog.entry(JSONValue(item)) { steps.append(step) }
            } catch {
                return .error(.recordingRefused(step: position + 1, reason: error.described.message))
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
                    return .error(.recordingRefused(step: nil, reason: error.described.message))
                }
            }
        case let other?: return .error(.argumentType(name: "inputs", expected: "an object", found: other))
        }
        do {
            let saved = try recorder.record(recording, inLibrary: root)
            var result: [String: Value] = ["name": .string(name), "file": .string(saved.path)]
            if !saved.warnings.isEmpty {
                result["warnings"] = .list(saved.warnings.map { .string(DiagnosticRenderer(color: false).render($0).trimmingSpaces()) })
            }
            return MCPToolResult(text: Value.mapping(result).jsonText)
        } catch {
            return .error(.notRecorded(error.diagnostics))
        }
    }

    func stats(_ arguments: [String: Value]) -> MCPToolResult {
        var paths: [String]
        switch Self.string(arguments, "name", required: false) {
        case .failure(let problem): return .error(problem)
        case .success(nil): paths = libraryIndex.listed.map(\.path)
        case .success(.some):
            switch resolve(arguments) {
            case .success(let path): paths = [path]
            case .failure(let problem): return .error(problem)
            }
        }
        if paths.isEmpty { return MCPToolResult(text: #"{"procedures":[]}"#) }
        return json(["stats", "--json"] + paths, timeout: .seconds(60))
    }

    /// The JSON `procrun COMMAND...` prints, as the tool's result; its failure as a tool error.
    private func json(_ command: [String], timeout: Duration) -> MCPToolResult {
        let result = SelfInvocation.run(command, timeout: timeout)
        if result.interrupted { return .error(.interrupted(run: false)) }
        let text = result.stdout.text.trimmingSpaces()
        guard result.exitCode == ExitStatus.success, !text.isEmpty else {
            return .error(.childFailed(command: command[0], status: result.exitCode, stderr: result.stderr.text.trimmingSpaces()))
        }
        return MCPToolResult(text: text)
    }

    func history(_ arguments: [String: Value]) -> MCPToolResult {
        let path: String
        switch resolve(arguments) {
        case .success(let found): path = found
        case .failure(let problem): return .error(problem)
        }
        return readingHistory(["history", "--json", path], arguments, defaultDays: nil)
    }

    func report(_ arguments: [String: Value]) -> MCPToolResult {
        readingHistory(["report", "--format", "json", "--library", root], arguments, defaultDays: LibraryHealth.defaultDays)
    }

    /// Runs `procrun ARGUMENTS` with the period the arguments `since` and `until` give, checked
    /// first as the command line checks them (``HistoryPeriod``), and returns its JSON.
    private func readingHistory(_ command: [String], _ arguments: [String: Value], defaultDays: Int?) -> MCPToolResult {
        var bounds: [String: String] = [:]
        for name in ["since", "until"] {
            switch Self.string(arguments, name, required: false) {
            case .failure(let problem): return .error(problem)
            case .success(let text): bounds[name] = text
            }
        }
        do throws(Diagnostic) {
            _ = try HistoryPeriod(since: bounds["since"], until: bounds["until"], defaultDays: defaultDays, names: ("since", "until"))
        } catch {
            return .error(.invalidArgument(error))
        }
        var extra: [String] = []
        for name in ["since", "until"] { if let text = bounds[name] { extra += ["--" + name, text] } }
        return json(command + extra, timeout: .seconds(300))
    }

    /// The index of the library served, with the libraries its `procrun.yaml` includes (without
    /// them when it cannot be read: running a procedure then says why).
    private var libraryIndex: ProcedureIndex {
        ProcedureIndex(library: (try? Library.locate(override: root)) ?? Library(root: root))
    }

    /// The file of the procedure argument `name` names: a procedure name or a path inside the
    /// library, resolved by the library's one rule (nothing outside the library, links included).
    private func resolve(_ arguments: [String: Value]) -> Result<String, AgentProblem> {
        let reference: String
        switch Self.string(arguments, "name") {
        case .success(let text): reference = text ?? ""
        case .failure(let problem): return .failure(problem)
        }
        switch libraryIndex.resolve(reference) {
        case .found(let path, _): return .success(path)
        case .refused(let problem): return .failure(.refused(reference: reference, problem))
        }
    }
}
