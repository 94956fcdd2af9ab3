extension Interpreter {
    /// Runs a called procedure as one step: finds it (a templated name now), checks and binds the
    /// inputs, runs it with this run's observer one level deeper, and takes its steps as the
    /// step's children and its outputs as the step's outputs.
    func runProcedure(_ call: ProcedureCall, step: Step, into result: inout StepResult) throws(StepFailure) {
        guard let graph else { throw StepFailure(.call, "procedure '\(call.referenceText)' cannot be called here: no library was loaded") }
        let callee = try load(call, from: graph)
        guard depth < CallGraph.depthLimit else {
            throw StepFailure(.call, "procedure calls nest deeper than \(CallGraph.depthLimit) levels (\(procedure.name.value) calls \(callee.name.value) again and again)")
        }
        let inputs = try bind(call, for: callee)
        let child = Interpreter(calling: callee, from: self, step: step)
        observer?.procedureCallStarted(callee, step: step, of: procedure)
        let report = child.run(inputs: inputs, environment: environment)
        observer?.procedureCallFinished(report, step: step, of: procedure)
        result.calledFile = callee.file.path
        result.calledProcedure = callee.name.value
        result.children = report.steps
        result.outputs = report.outputs
        result.outcome = report.outputs.isEmpty ? "" : Value.mapping(report.outputs).jsonText
        if report.interrupted { throw StepFailure.interrupted }
        if !report.success {
            let failure = nestedFailure(of: report, in: callee)
            result.failure = failure
            throw StepFailure(.procedure(failure.kind), cause: failure.causeDescription, shown: failure.description)
        }
    }

    /// The procedure a call names, loaded now if its name is a template. Steps of a parallel group
    /// may call procedures at once; the graph loads one at a time.
    private func load(_ call: ProcedureCall, from graph: CallGraph) throws(StepFailure) -> Procedure {
        sessions.lock()
        defer { sessions.unlock() }
        if let signature = call.callee, let loaded = graph.procedures[signature.key] { return loaded }
        let name: String
        switch call.reference {
        case .fixed(let fixed): name = fixed.value
        case .templated(let field): name = try string(field)
        }
        switch graph.loadAtRunTime(name) {
        case .success(let loaded): return loaded
        case .failure(let failure): throw StepFailure(.call, failure.message)
        }
    }

    /// The message of a step cut short because a calling step's `timeout` ran out.
    static let callTimedOut = "timed out: the timeout of the step that called this procedure ran out"

    /// How long a step's action may run: its own `timeout`, else `--timeout`, else the library's
    /// `defaults.timeout`. A step that calls a procedure is bounded by its own `timeout` only; the
    /// default bounds each of the callee's steps instead.
    func limit(of step: Step) -> Duration? {
        step.timeout ?? options.defaultTimeout ?? library.defaultTimeout
    }

    /// `timeout`, shortened to what is left before a calling step's timeout runs out.
    func timeLeft(_ timeout: Duration?) -> Duration? {
        guard let deadline else { return timeout }
        let left = max(deadline - ContinuousClock.now, .milliseconds(1))
        return timeout.map { min($0, left) } ?? left
    }

    /// The callee's inputs from the values the call passes, each read as its declared type.
    private func bind(_ call: ProcedureCall, for callee: Procedure) throws(StepFailure) -> [String: Value] {
        let site = Diagnostic.Note.at(call.location, in: procedure.file, "passed here")
        let name = callee.name.value
        func declared(_ spec: InputSpec) -> Diagnostic.Note {
            Diagnostic.Note.at(spec.location, in: callee.file, "input '\(spec.name)' is declared here")
        }
        func failure(_ id: Diagnostic.ID, _ message: String, _ notes: [Diagnostic.Note]) -> StepFailure {
            StepFailure(.call, Diagnostic(.error, message, id: id, notes: notes))
        }
        var values: [String: Value] = [:]
        for input in call.inputs {
            guard let spec = callee.inputs.first(where: { $0.name == input.name }) else {
                throw failure(.unknownInput, "procedure '\(name)' has no input '\(input.name)'\(Suggestion.hint(for: input.name, in: callee.inputs.map(\.name)))", [site])
            }
            let value: Value
            switch input.value {
            case .typed(let typed): value = typed
            case .template(let field): value = try render(field)
            case .list(let items):
                var rendered: [Value] = []
                for item in items { rendered.append(.string(try string(item))) }
                value = .list(rendered)
            }
            if value == .null { continue }
            guard let coerced = spec.kind.coerce(value) else {
                throw failure(
                    .inputMismatch, "input '\(spec.name)' of procedure '\(name)' expects \(spec.kind.nameWithArticle), found \(value.passedDescription)",
                    [site, declared(spec)])
            }
            values[spec.name] = coerced
        }
        for spec in callee.inputs where spec.required && spec.defaultValue == nil && values[spec.name] == nil {
            var called = site
            called.message = "called here"
            throw failure(.missingParameter, "procedure '\(name)' needs input '\(spec.name)'", [called, declared(spec)])
        }
        if var problem = InputBinder.complete(&values, procedure: callee).first {
            problem.notes.insert(site, at: 0)
            throw StepFailure(.call, problem)
        }
        return values
    }

    /// The chain down to the step that failed inside the callee.
    private func nestedFailure(of report: RunReport, in callee: Procedure) -> NestedFailure {
        let name = procedure.name.value
        guard let failed = report.firstFailure else {
            let error = report.error ?? "failed"
            return NestedFailure(chain: [name, callee.name.value], location: callee.file.path, message: error, cause: error, kind: .call)
        }
        if let inner = failed.failure {
            return NestedFailure(chain: [name] + inner.chain, location: inner.location, message: inner.message, cause: inner.cause, kind: inner.kind)
        }
        let step = callee.firstStep { $0.index + 1 == failed.number }
        let location = DiagnosticRenderer.position(callee.file.path, step?.location)
        return NestedFailure(
            chain: [name, callee.name.value, step?.displayName ?? "#\(failed.number)"], location: location, message: failed.error ?? "failed",
            cause: failed.cause ?? "failed", kind: failed.failureKind ?? .action)
    }
}

extension Interpreter {
    /// An interpreter for `callee`, called by `step` of `parent`: it shares the parent's library,
    /// graph, options, observer and agent sessions, hides the parent's secrets too, and ends when
    /// the parent's deadline or the step's own `timeout` (the sooner) runs out.
    convenience init(calling callee: Procedure, from parent: Interpreter, step: Step) {
        self.init(procedure: callee, library: parent.library, observer: parent.observer, options: parent.options, graph: parent.graph)
        share(parent)
        depth = parent.depth + 1
        leftovers = parent.leftovers
        inheritedSecrets = parent.secrets
        if let timeout = step.timeout, parent.deadline.map({ ContinuousClock.now + timeout < $0 }) ?? true {
            deadline = ContinuousClock.now + timeout
            deadlineTimeout = timeout
        }
    }

    /// Takes on what every run inside this one shares with it: the helpers started, the calling
    /// step's deadline and the parallel group's cancel signal.
    func share(_ parent: Interpreter) {
        sessions = parent.sessions
        deadline = parent.deadline
        deadlineTimeout = parent.deadlineTimeout
        cancelDescriptor = parent.cancelDescriptor
    }
}
