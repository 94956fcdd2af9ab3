import ProcrunLanguage
import ProcrunText

/// One step that calls a procedure, as it runs: finds the callee (a templated name now), checks
/// and binds the inputs, runs it with the caller's observer one level deeper, and takes its steps
/// as the step's children and its outputs as the step's outputs.
struct ProcedureCallRun {
    /// The call.
    let call: ProcedureCall
    /// The step that calls.
    let step: Step
    /// The run the step is a step of.
    let caller: Interpreter

    init(_ call: ProcedureCall, step: Step, caller: Interpreter) {
        self.call = call
        self.step = step
        self.caller = caller
    }

    /// Runs the callee; fills the step's result with its steps, its outputs and (as JSON) the
    /// outcome; throws why the call failed.
    func run(into result: inout StepResult) throws(StepFailure) {
        guard let graph = caller.graph else { throw StepFailure(.noLibrary(reference: call.referenceText)) }
        let callee = try load(from: graph)
        guard caller.depth < CallGraph.depthLimit else {
            throw StepFailure(
                .call, "procedure calls nest deeper than \(CallGraph.depthLimit) levels (\(caller.procedure.name.value) calls \(callee.name.value) again and again)")
        }
        let inputs = try bind(for: callee)
        guard step.isNeed else { return try run(callee, inputs: inputs, into: &result) }
        try runNeed(callee, inputs: inputs, into: &result)
    }

    /// Runs `callee` with `inputs` (`need`: the key of the need this run is, ``NeedRegistry``) and
    /// fills the step's result as ``run(into:)`` says.
    func run(_ callee: Procedure, inputs: [String: Value], need: (key: String, name: String)? = nil, into result: inout StepResult) throws(StepFailure) {
        let child = interpreter(for: callee)
        if let need { child.needChain.append(need) }
        caller.observer?.procedureCallStarted(callee, step: step, of: caller.procedure)
        let report = child.run(inputs: inputs, environment: caller.environment)
        caller.observer?.procedureCallFinished(report, step: step, of: caller.procedure)
        result.calledFile = callee.file.path
        result.calledProcedure = callee.name.value
        result.children = report.steps
        result.outputs = report.outputs
        result.outcome = report.outputs.isEmpty ? "" : Value.mapping(report.outputs).jsonText
        if !report.needs.isEmpty { result.needs = report.needs }
        // A callee whose own up-to-date check held ran nothing: the call says why.
        if let reason = report.upToDate { result.upToDate = reason }
        if report.interrupted { throw StepFailure.interrupted }
        if !report.success {
            let failure = nestedFailure(of: report, in: callee)
            result.failure = failure
            throw StepFailure(.procedure(failure.kind), cause: failure.causeDescription, shown: failure.description)
        }
    }

    /// An interpreter for `callee`: it runs with the library whose file the callee is (the caller's,
    /// or an included one), shares the caller's graph, options, observer and agent sessions, hides
    /// the caller's secrets too, and ends when the caller's deadline or the step's own `timeout`
    /// (the sooner) runs out.
    private func interpreter(for callee: Procedure) -> Interpreter {
        let library = caller.graph?.library(of: callee) ?? caller.library
        let child = Interpreter(procedure: callee, library: library, observer: caller.observer, options: caller.options, graph: caller.graph)
        child.share(caller)
        child.depth = caller.depth + 1
        child.leftovers = caller.leftovers
        child.inheritedSecrets = caller.secrets
        if let timeout = step.timeout, caller.deadline.map({ ContinuousClock.now + timeout < $0 }) ?? true {
            child.deadline = ContinuousClock.now + timeout
            child.deadlineTimeout = timeout
        }
        return child
    }

    /// The procedure the call names, loaded now if its name is a template. Steps of a parallel
    /// group may call procedures at once; the graph loads one at a time.
    private func load(from graph: CallGraph) throws(StepFailure) -> Procedure {
        caller.sessions.lock()
        defer { caller.sessions.unlock() }
        if let signature = call.callee, let loaded = graph.procedures[signature.key] { return loaded }
        let name: String
        switch call.reference {
        case .fixed(let fixed): name = fixed.value
        case .templated(let field): name = try caller.string(field)
        }
        switch graph.loadAtRunTime(name, from: caller.procedure) {
        case .success(let loaded): return loaded
        case .failure(let failure): throw StepFailure(.call, failure.message)
        }
    }

    /// The callee's inputs from the values the call passes, each read as its declared type.
    private func bind(for callee: Procedure) throws(StepFailure) -> [String: Value] {
        let site = Diagnostic.Note.at(call.location, in: caller.procedure.file, "passed here")
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
            let value = try self.value(of: input)
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
            // What a step passes that its callee refuses (not in `allowed`, not matching its
            // `pattern`) is the caller's mismatch, as `check` calls it, not a run's bad input.
            problem.id = .inputMismatch
            problem.notes.insert(site, at: 0)
            throw StepFailure(.call, problem)
        }
        return values
    }

    /// The value passed to an input, rendered now.
    private func value(of input: ProcedureCall.Input) throws(StepFailure) -> Value {
        switch input.value {
        case .typed(let typed): return typed
        // One expression giving null (an input not given) gives none: the callee's default applies.
        case .template(let field): return try caller.render(field, file: nil, nullAllowed: true)
        case .list(let items):
            var rendered: [Value] = []
            for item in items { rendered.append(.string(try caller.string(item))) }
            return .list(rendered)
        }
    }

    /// The chain down to the step that failed inside the callee.
    private func nestedFailure(of report: RunReport, in callee: Procedure) -> NestedFailure {
        let name = caller.procedure.name.value
        if let precondition = report.precondition, let diagnostic = precondition.diagnostic {
            // Named once, by its entry's position: the error without the position it starts with.
            let location = DiagnosticRenderer.position(callee.file.path, diagnostic.location)
            let error = precondition.error.map { $0.hasPrefix(location + ": ") ? String($0.dropFirst(location.count + 2)) : $0 } ?? "failed"
            return NestedFailure(chain: [name, callee.name.value], location: location, message: error, cause: error, kind: precondition.failureKind ?? .assertion)
        }
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
