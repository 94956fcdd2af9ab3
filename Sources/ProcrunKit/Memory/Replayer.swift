/// Runs a procedure's steps through a caller's executor, for ``ProceduralMemory``.
struct Replayer {
    let file: SourceFile
    var context: RenderContext
    let adapt: [String: [String: String]]
    private var stepResults: [String: Value] = [:]

    init(file: SourceFile, inputs: [String: String], adapt: [String: [String: String]]) {
        self.file = file
        self.adapt = adapt
        context = RenderContext(roots: [
            "inputs": .mapping(inputs.mapValues(Value.string)),
            "env": .mapping(FileSystem.environment().mapValues(Value.string)),
            "steps": .mapping([:]), "vars": .mapping([:]),
        ])
    }

    /// Adds declared inputs' defaults for inputs not given.
    mutating func declare(_ node: YAMLNode?) {
        guard case .mapping(var inputs)? = context.roots["inputs"] else { return }
        for pair in node?.pairs ?? [] where inputs[pair.key] == nil {
            if let text = pair.value["default"]?.scalar?.text { inputs[pair.key] = .string(text) }
        }
        context.roots["inputs"] = .mapping(inputs)
    }

    mutating func run(_ node: YAMLNode, number: Int, executor: (String, [String: String]) throws -> String) -> ReplayReport.Step {
        let action = node["action"]?.scalar?.text ?? ""
        var step = ReplayReport.Step(number: number, id: node["id"]?.scalar?.text, action: action, parameters: [:], status: .success)
        do throws(TemplateError) {
            if let when = node["when"]?.scalar?.text {
                guard case .boolean(let holds) = try Expression.parseCondition(when).evaluate(in: context) else {
                    throw TemplateError(range: 0..<0, message: "the 'when' condition is not true or false")
                }
                if !holds {
                    step.status = .skipped
                    return step
                }
            }
            for pair in node["parameters"]?.pairs ?? [] { step.parameters[pair.key] = try render(pair.value) }
        } catch {
            step.status = .failed
            step.error = error.message
            return step
        }
        for (name, value) in adapt[action] ?? [:] { step.parameters[name] = value }
        let started = ProcrunClock.now()
        do {
            step.outcome = try executor(action, step.parameters)
        } catch {
            step.status = .failed
            step.error = String(describing: error)
        }
        step.durationMilliseconds = Int((ProcrunClock.now() &- started) / 1_000_000)
        if step.status == .success, let problem = check(node, outcome: step.outcome) {
            step.status = .failed
            step.error = problem
        }
        if let id = node["id"]?.scalar?.text, case .mapping(var steps)? = context.roots["steps"] {
            steps[id] = .mapping(["outcome": .string(step.outcome), "status": .string(step.status.rawValue)])
            context.roots["steps"] = .mapping(steps)
        }
        return step
    }

    /// A parameter's value as text: scalars rendered as templates, lists and mappings as JSON.
    private func render(_ node: YAMLNode) throws(TemplateError) -> String {
        let value = try value(node)
        if case .string(let text) = value { return text }
        return value.jsonText
    }

    private func value(_ node: YAMLNode) throws(TemplateError) -> Value {
        switch node.content {
        case .scalar(let scalar):
            return .string(try Template(parsing: scalar.text).render(in: context).rendered())
        case .sequence(let items):
            var values: [Value] = []
            for item in items { values.append(try value(item)) }
            return .list(values)
        case .mapping(let pairs):
            var values: [String: Value] = [:]
            for pair in pairs { values[pair.key] = try value(pair.value) }
            return .mapping(values)
        }
    }

    /// Why the outcome does not meet the step's expectations, or nil.
    private func check(_ node: YAMLNode, outcome: String) -> String? {
        var contains = (node["expected_outcome"]).map { [$0] } ?? []
        let expect = node["expect"]
        if let more = expect?["contains"] { contains += more.items ?? [more] }
        do {
            for item in contains {
                let text = try render(item)
                if !outcome.contains(text) { return "expected the outcome to contain '\(text)', got '\(outcome.excerpt(200))'" }
            }
            if let excluded = expect?["not_contains"] {
                for item in excluded.items ?? [excluded] {
                    let text = try render(item)
                    if outcome.contains(text) { return "expected the outcome not to contain '\(text)'" }
                }
            }
            if let equals = expect?["equals"] {
                let text = try render(equals)
                var trimmed = outcome
                while trimmed.hasSuffix("\n") { trimmed.removeLast() }
                if trimmed != text { return "expected the outcome to equal '\(text)', got '\(outcome.excerpt(200))'" }
            }
            if let pattern = expect?["matches"]?.scalar?.text {
                guard let regex = try? CompiledRegex(pattern) else { return "invalid regular expression '\(pattern)'" }
                if !regex.matches(outcome) { return "expected the outcome to match '\(pattern)', got '\(outcome.excerpt(200))'" }
            }
        } catch {
            return error.message
        }
        return nil
    }
}
