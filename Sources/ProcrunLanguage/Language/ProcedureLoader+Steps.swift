import ProcrunText

extension ProcedureLoader {
    static let stepKeys = [
        "id", "action", "parameters", "expect", "expected_outcome", "when", "timeout", "retries", "on_failure", "outputs", "notes", "keep_running", "for_each", "as", "parallel",
        "matrix", "isolate", "needs", "precondition", "sources", "generates", "status",
    ]
    static let expectKeys = ["exit_code", "status", "contains", "not_contains", "matches", "equals", "stderr_contains"]
    static let retryKeys = ["count", "delay", "backoff"]

    /// Reads a list of steps (`steps`, `finally`, a parallel group's `steps`); `label` names one
    /// of them in messages ("step", "finally step"). Ids are checked, and steps numbered, once the
    /// whole procedure is read (``numberSteps(_:reader:)``).
    func readSteps(
        _ node: YAMLNode, _ what: String = "'steps'", label: String = "step", mayBeEmpty: Bool = false, inGroup: Bool = false, reader: inout NodeReader
    ) -> [Step] {
        guard let items = reader.sequence(node, what) else { return [] }
        if items.isEmpty, !mayBeEmpty { reader.error(.noSteps(what: what, inGroup: inGroup), at: node.start) }
        var steps: [Step] = []
        steps.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let step = readStep(item, index: index, label: label, reader: &reader) else { continue }
            steps.append(step)
        }
        return steps
    }

    private func readStep(_ node: YAMLNode, index: Int, label: String, reader: inout NodeReader) -> Step? {
        func what() -> String { "\(label) \(index + 1)" }
        guard let pairs = reader.mapping(node, what(), keys: Self.stepKeys, explaining: Self.habit) else { return nil }
        let misspelled = reader.lastMisspellings
        // One pass for the two keys every step has; the loop below reads the others.
        // (By index: a `for pair in pairs` loop copies every pair, node and all.)
        var actionNode: YAMLNode?
        var parametersNode: YAMLNode?
        // The rarer keys that change how the step is read: `parallel`, `for_each` and `as`.
        var groupIndex: Int?
        var matrixIndex: Int?
        var loops = false
        var checked = false
        for index in pairs.indices {
            switch pairs[index].key {
            case "action": actionNode = pairs[index].value
            case "parameters": parametersNode = pairs[index].value
            case "parallel": groupIndex = index
            case "for_each", "as", "isolate": loops = true
            case "matrix":
                matrixIndex = index
                loops = true
            case "sources", "generates", "status": checked = true
            default: break
            }
        }
        // On a matrix step, `parallel` says how its entries run (``readMatrix``).
        if let groupIndex, matrixIndex == nil {
            return readGroup(pairs[groupIndex], pairs, node: node, index: index, what: what(), hasAction: actionNode != nil, reader: &reader)
        }
        guard let actionNode else {
            if !misspelled.contains("action"), !Self.habitsNameAction(pairs) { reader.error(.missingKey(key: "action", in: what()), at: node.start) }
            return nil
        }
        let actionName = reader.identifier(actionNode, "'action'", qualified: true)
        var parametersInvalid = false
        var parameters: [YAMLPair] = []
        if let parametersNode, !parametersNode.isNull {
            if let pairs = reader.mapping(parametersNode, "'parameters' of \(what())") { parameters = pairs } else { parametersInvalid = true }
        }
        // Parameters misspelled, not a mapping or written as step keys are reported once, not again
        // as missing ones.
        let parametersMisspelled = parametersInvalid || (parametersNode == nil && (misspelled.contains("parameters") || Self.habitsHoldParameters(pairs)))
        let before = reader.diagnostics.count
        // A step whose action cannot be compiled is dropped, but its other keys are still read (into
        // a step with a placeholder call), so that their problems are reported in the same pass.
        var dropped = false
        var step: Step
        if let actionName, let call = compileCall(Located(actionName, at: actionNode.start), parameters, parametersMisspelled: parametersMisspelled, reader: &reader) {
            step = Step(index: index, location: node.start, action: Located(actionName, at: actionNode.start), call: call)
        } else {
            dropped = true
            step = Step(index: index, location: node.start, action: Located(actionName ?? "", at: actionNode.start), call: .placeholder)
        }
        for index in pairs.indices where pairs[index].key != "action" && pairs[index].key != "parameters" {
            readSetting(pairs[index].key, pairs[index].value, into: &step, reader: &reader)
        }
        if loops { readLoop(pairs, into: &step, reader: &reader) }
        if checked {
            let command: CommandCall? = if case .builtin(let action) = step.call { (action as? ShellAction)?.call } else { nil }
            step.upToDate = UpToDateCheck.read(pairs, command: command, definition: [node.start.offset..<node.end.offset], reader: &reader)
        }
        if dropped {
            keepTemplates(of: step, unknownAction: reader.diagnostics[before...].contains { $0.id == .unknownAction } ? parameters : nil, reader: &reader)
            return nil
        }
        return step
    }

    /// Reads one of a step's settings (`id`, `expect`, `when`, `timeout`, `retries`,
    /// `on_failure`, `outputs`, `notes`, ...) into `step`; other keys are read elsewhere.
    func readSetting(_ key: String, _ value: YAMLNode, into step: inout Step, reader: inout NodeReader) {
        switch key {
        case "id": step.id = reader.identifier(value, "'id'").map { Located($0, at: value.start) }
        case "expect": step.expect = readExpectation(value, reader: &reader) ?? step.expect
        case "expected_outcome":
            if let field = Self.template(value, "'expected_outcome'", reader: &reader) { step.expect.contains.append(field) }
        case "when": step.when = Self.condition(value, "'when'", reader: &reader)
        case "timeout": step.timeout = reader.duration(value, "'timeout'")
        case "retries": step.retry = readRetry(value, reader: &reader) ?? step.retry
        case "on_failure":
            if let text = reader.string(value, "'on_failure'") {
                if let policy = FailurePolicy(rawValue: text) {
                    step.onFailure = policy
                } else {
                    reader.error(.onFailureValue(found: text), at: value.start)
                }
            }
        case "outputs": step.outputs = readNamedTemplates(value, "'outputs'", reader: &reader)
        case "notes": step.notes = reader.string(value, "'notes'") ?? ""
        case "keep_running": step.keepRunning = reader.boolean(value, "'keep_running'") ?? false
        case "needs": step.needs = readNeeds(value, reader: &reader)
        case "precondition": step.preconditions = Precondition.read(value, reader: &reader)
        default: break
        }
    }

    /// Keeps a dropped step's templates for checking: those of its settings and, when its action is
    /// unknown (so its parameters were never read), every text among its parameters.
    private func keepTemplates(of step: Step, unknownAction parameters: [YAMLPair]?, reader: inout NodeReader) {
        var fields: [TemplateField] = []
        step.expect.collectTemplates(into: &fields)
        func texts(_ node: YAMLNode) {
            switch node.content {
            case .scalar(let scalar):
                if !scalar.isNull, let field = Self.template(node, "a parameter", reader: &reader) { fields.append(field) }
            case .sequence(let items): items.forEach(texts)
            case .mapping(let pairs): pairs.forEach { texts($0.value) }
            }
        }
        parameters?.forEach { texts($0.value) }
        reader.droppedTemplates += fields.filter { !$0.template.isLiteral }.map { (step.index, $0) }
        if let when = step.when { reader.droppedConditions.append((step.index, when)) }
    }

    private func readRetry(_ node: YAMLNode, reader: inout NodeReader) -> RetryPolicy? {
        var policy = RetryPolicy()
        if node.scalar != nil {
            guard let count = reader.integer(node, "'retries'", in: 0...100) else { return nil }
            policy.count = count
            return policy
        }
        guard let pairs = reader.mapping(node, "'retries'", keys: Self.retryKeys) else { return nil }
        for pair in pairs {
            switch pair.key {
            case "count": policy.count = reader.integer(pair.value, "'count'", in: 0...100) ?? 0
            case "delay": policy.delay = reader.duration(pair.value, "'delay'") ?? policy.delay
            case "backoff":
                if let factor = reader.number(pair.value, "'backoff'") {
                    if factor >= 1, factor <= 100 { policy.backoff = factor } else {
                        reader.error(.backoffOutOfRange(found: pair.value.scalar?.text ?? ""), at: pair.value.start)
                    }
                }
            default: break
            }
        }
        return policy
    }

    private func readExpectation(_ node: YAMLNode, reader: inout NodeReader) -> Expectation? {
        if let scalar = node.scalar, !scalar.isNull, scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            // `expect: Successfully` most likely means the outcome should contain that text.
            reader.error(.expectText(found: node.kindDescription, text: scalar.text), at: node.start)
            return nil
        }
        guard let pairs = reader.mapping(node, "'expect'", keys: Self.expectKeys) else { return nil }
        var expect = Expectation()
        func fields(_ node: YAMLNode, _ what: String, reader: inout NodeReader) -> [TemplateField] {
            (reader.oneOrMany(node, what) ?? []).compactMap { Self.template($0, what, reader: &reader) }
        }
        for pair in pairs {
            let value = pair.value
            switch pair.key {
            case "exit_code": expect.exitCodes = reader.integers(value, "'exit_code'", in: 0...255)
            case "status": expect.statusCodes = reader.integers(value, "'status'", in: 100...599)
            case "contains": expect.contains += fields(value, "'contains'", reader: &reader)
            case "not_contains": expect.notContains = fields(value, "'not_contains'", reader: &reader)
            case "stderr_contains": expect.stderrContains = fields(value, "'stderr_contains'", reader: &reader)
            case "equals": expect.equals = Self.template(value, "'equals'", reader: &reader)
            case "matches":
                if let pattern = reader.string(value, "'matches'") {
                    do {
                        expect.matches = try CompiledRegex(pattern)
                    } catch {
                        reader.error(.invalidRegex(key: "matches", reason: String(describing: error)), at: value.start)
                    }
                }
            default: break
            }
        }
        return expect
    }
}
