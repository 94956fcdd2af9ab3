/// Checks every template and condition of a loaded procedure against the names that will exist
/// when it runs, so an undefined name or a misapplied filter is found before step 1.
struct ProcedureChecker {
    let procedure: Procedure
    let environment: [String: String]
    /// Whether other errors dropped some steps (see ``check(incomplete:)``).
    var incomplete = false
    /// The templates and conditions of dropped steps, by step index (see ``NodeReader``).
    var droppedTemplates: [(step: Int, field: TemplateField)] = []
    var droppedConditions: [(step: Int, condition: Condition)] = []
    /// The library whose `env` the procedure inherits.
    var library = Library(root: ".")

    /// The fields every step result has, as templates see them.
    static func resultShape(outputs: [String], call: ActionCall? = nil, loop: Bool = false) -> NameShape {
        var outputShape = NameShape.object(Dictionary(uniqueKeysWithValues: outputs.map { ($0, NameShape.value(.any)) }), open: false, optionalWithDefault: false)
        if case .procedure(let procedureCall) = call {
            let names = Set(outputs + (procedureCall.callee?.outputs ?? []))
            outputShape = .object(
                Dictionary(uniqueKeysWithValues: names.map { ($0, NameShape.value(.any)) }), open: procedureCall.callee == nil, optionalWithDefault: false)
        }
        var fields: [String: NameShape] = [
            "status": .value(.string), "outcome": .value(.string), "stdout": .value(.string), "stderr": .value(.string),
            "exit_code": .value(.integer), "duration_ms": .value(.integer), "attempts": .value(.integer),
            "outputs": outputShape,
        ]
        // A loop's results, one per item: each a result like this one.
        if loop { fields["results"] = .value(.list) }
        return .object(fields, open: false, optionalWithDefault: false)
    }

    /// What a loop's step reads as `loop`.
    static let loopShape = NameShape.object(
        ["index": .value(.integer), "index0": .value(.integer), "length": .value(.integer), "first": .value(.boolean), "last": .value(.boolean)],
        open: false, optionalWithDefault: false)

    /// A loop's items: an expression that must give a list, or written items.
    private func check(_ loop: StepLoop, in scope: NameShape) -> [Diagnostic] {
        switch loop.items {
        case .written(let fields):
            return fields.flatMap { check($0, in: scope) }
        case .expression(let condition):
            return check(condition, in: scope, mustBe: .list) { LanguageProblem.forEachNotList(found: $0) }
        }
    }

    /// What `finally` steps read as `run`.
    static let runShape = NameShape.object(["status": .value(.string), "failed_step": .value(.string)], open: false, optionalWithDefault: false)

    /// Every problem in the procedure's templates and conditions. When `incomplete` (other errors
    /// dropped some steps), a step or variable that is not defined at all is not reported: the
    /// step that would define it may be one of those dropped. (A missing field of a step that is
    /// defined, `steps.build.stdot`, still is.)
    func check(incomplete: Bool = false) -> [Diagnostic] {
        var checker = self
        checker.incomplete = incomplete
        return checker.checkAll()
    }

    /// Whether an error is about a step or variable that a dropped step may have defined: a
    /// variable, or a step id no step read defines.
    private func mayBeDefinedByDroppedStep(_ error: TemplateError) -> Bool {
        guard case .undefinedName(_, _, let names) = error.problem, names.count == 2 else { return false }
        if names[0] == "vars" { return true }
        return names[0] == "steps" && procedure.firstStep(where: { $0.id?.value == names[1] }) == nil
    }

    /// The variables `env` names: the process's, then the library's and the procedure's own.
    private var environmentNames: [String: NameShape] {
        var names = environment.mapValues { _ in NameShape.value(.string) }
        for name in library.environment.names + procedure.environment.names { names[name] = .value(.string) }
        return names
    }

    /// The procedure's `env` templates read inputs, the procedure and `env` (all of it: values
    /// are rendered before the first step, in file order).
    private func checkEnvironment(_ roots: [String: NameShape]) -> [Diagnostic] {
        let scope = NameShape.object(roots, open: false, optionalWithDefault: false)
        return procedure.environment.values.flatMap { check($0.field, in: scope) }
    }

    private func checkAll() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var roots: [String: NameShape] = [
            "inputs": .object(
                Dictionary(uniqueKeysWithValues: procedure.inputs.map { ($0.name, NameShape.value($0.kind.valueType)) }),
                open: false, optionalWithDefault: false),
            "env": .object(environmentNames, open: false, optionalWithDefault: true),
            "procedure": .object(["name": .value(.string), "version": .value(.integer)], open: false, optionalWithDefault: false),
        ]
        diagnostics += checkEnvironment(roots)
        var steps: [String: NameShape] = [:]
        var vars: [String: NameShape] = [:]
        // The names templates read here, with `extra` ones (a loop's item, a step's own `result`).
        func scope(adding extra: [String: NameShape] = [:]) -> NameShape {
            var all = roots
            all.merge(extra) { $1 }
            all["steps"] = .object(steps, open: false, optionalWithDefault: false)
            all["vars"] = .object(vars, open: false, optionalWithDefault: false)
            return .object(all, open: false, optionalWithDefault: false)
        }
        // The variables every command inherits, read once (`env` templates read inputs and `env` only).
        let inheritedEnvironment = EnvironmentSetting.inherited(
            procedure: procedure.environment, file: procedure.file, library: library.environment, libraryFile: library.configFile, scope: scope())
        // The scope of the step at hand, kept while no step adds a name to it (most steps add none).
        var current: NameShape?
        // The templates of the step at hand, in one array reused for every step.
        var fields: [TemplateField] = []
        // The next dropped template and condition to check, in the scope of the step they precede.
        var nextDropped = (template: 0, condition: 0)
        func checkDropped(before index: Int, in scope: NameShape) {
            while nextDropped.template < droppedTemplates.count, droppedTemplates[nextDropped.template].step < index {
                diagnostics += check(droppedTemplates[nextDropped.template].field, in: scope)
                nextDropped.template += 1
            }
            while nextDropped.condition < droppedConditions.count, droppedConditions[nextDropped.condition].step < index {
                diagnostics += check(droppedConditions[nextDropped.condition].condition, in: scope)
                nextDropped.condition += 1
            }
        }
        // Checks one step in the scope at hand; returns the variables it sets and the result later
        // steps read, for the caller to add once the step (or its whole parallel group) is done.
        func visit(_ step: Step) -> (assigned: [(String, NameShape)], result: (String, NameShape)?) {
            // Most steps set nothing beyond their action: no loop to read.
            let stepLoop = step.hasDefaultSettings ? nil : step.loop
            // Only a step later templates can name (an id) or whose outputs read `result` needs it.
            let result: NameShape? =
                step.id != nil || !step.outputs.isEmpty
                ? Self.resultShape(outputs: stepLoop == nil ? step.outputs.map(\.name) : [], call: step.call, loop: stepLoop != nil) : nil
            var assigned: [(String, NameShape)] = []
            do {
                // The scopes built here share `steps` and `vars`; `current` is dropped before they
                // change (below), so the updates find those dictionaries unshared and do not copy
                // them (which would make checking quadratic in the number of steps).
                var here = current ?? scope()
                current = here
                if incomplete { checkDropped(before: step.index, in: here) }
                // A loop's item and `loop`, for the step's own templates.
                let loopNames: [String: NameShape] = stepLoop.map { [$0.name.value: .value(.any), "loop": Self.loopShape] } ?? [:]
                if let loop = stepLoop {
                    // The items are read before the loop; the step's own templates see the item.
                    diagnostics += check(loop, in: here)
                    here = scope(adding: loopNames)
                }
                fields.removeAll(keepingCapacity: true)
                step.call.collectTemplates(into: &fields)
                let hasSettings = !step.hasDefaultSettings
                if hasSettings { step.expect.collectTemplates(into: &fields) }
                // A template without an expression (most command lines) has nothing to check.
                for field in fields where !field.template.isLiteral {
                    diagnostics += check(field, in: here)
                }
                if case .shell(let command) = step.call {
                    diagnostics += command.shellSafetyDiagnostics(in: here, file: procedure.file)
                    diagnostics += command.arithmeticEnvironmentDiagnostics(inherited: inheritedEnvironment, scope: here, file: procedure.file)
                }
                for condition in step.call.conditions {
                    diagnostics += check(condition, in: here)
                }
                if hasSettings, let when = step.when { diagnostics += check(when, in: here) }
                if case .procedure(let call) = step.call, let callee = call.callee {
                    diagnostics += checkInputTypes(call, callee, in: here)
                }
                if hasSettings, !step.outputs.isEmpty {
                    // A loop's own outputs are each item's: `result` is the item's result.
                    let own = (stepLoop == nil ? result : nil) ?? Self.resultShape(outputs: step.outputs.map(\.name), call: step.call)
                    let withResult = scope(adding: loopNames.merging(["result": own]) { $1 })
                    for output in step.outputs { diagnostics += check(output.field, in: withResult) }
                }
                if case .set(let values) = step.call {
                    for (name, value) in values {
                        switch value {
                        case .typed(let typed): assigned.append((name, .value(Self.type(of: typed))))
                        case .template(let field): assigned.append((name, .value(Self.type(of: field, in: here))))
                        }
                    }
                }
            }
            guard let id = step.id, let result else { return (assigned, nil) }
            return (assigned, (id.value, result))
        }
        func apply(_ visited: (assigned: [(String, NameShape)], result: (String, NameShape)?)) {
            if !visited.assigned.isEmpty || visited.result != nil { current = nil }
            for (name, shape) in visited.assigned { vars[name] = shape }
            if let (id, shape) = visited.result { steps[id] = shape }
        }
        for (list, isFinally) in [(procedure.steps, false), (procedure.finally, true)] where !list.isEmpty {
            if isFinally {
                // The `finally` steps also read how the run went.
                roots["run"] = Self.runShape
                current = nil
            }
            for step in list {
                guard case .parallel(let group) = step.call else {
                    apply(visit(step))
                    if !step.hasDefaultSettings, step.loop != nil { current = nil }
                    continue
                }
                // Steps side by side read what came before the group, never each other.
                var visited = [visit(step)]
                for member in group.steps { visited.append(visit(member)) }
                visited.forEach(apply)
                current = nil
            }
        }
        let end = scope()
        checkDropped(before: Int.max, in: end)
        for output in procedure.outputs { diagnostics += check(output.field, in: end) }
        return diagnostics
    }

    /// A templated value whose type is known before the run must suit the callee's input.
    private func checkInputTypes(_ call: ProcedureCall, _ callee: ProcedureSignature, in scope: NameShape) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for input in call.inputs {
            guard case .template(let field) = input.value, !field.template.expressions.isEmpty,
                let spec = callee.inputs.first(where: { $0.name == input.name })
            else { continue }
            guard field.template.check(in: scope).isEmpty else { continue }
            let type = Self.type(of: field, in: scope)
            if !spec.kind.accepts(type) {
                diagnostics.append(
                    Diagnostic(
                        LanguageProblem.calleeInputType(input: spec.name, callee: callee.name, expects: spec.kind.nameWithArticle, found: type.nameWithArticle),
                        path: procedure.file.path, at: input.valueStart, notes: [callee.declaration(of: spec)]))
            }
        }
        return diagnostics
    }

    private func check(_ field: TemplateField, in scope: NameShape) -> [Diagnostic] {
        relevant(field.template.check(in: scope)).map { field.diagnostic(explained($0), at: $0.range.lowerBound, in: procedure.file) }
    }

    /// The errors to report: all of them, unless the procedure is incomplete.
    private func relevant(_ errors: [TemplateError]) -> [TemplateError] {
        incomplete ? errors.filter { !mayBeDefinedByDroppedStep($0) } : errors
    }

    /// The problem to report for a template error: with why a name is undefined when the reason is
    /// a common one (a step that runs later, an environment variable that is not set, a name read
    /// outside the steps that have it).
    private func explained(_ error: TemplateError) -> any DiagnosticMessage {
        let problem = error.problem
        guard case .undefinedName(_, _, let names) = problem else { return problem }
        if names == ["run"] { return LanguageProblem.runOutsideFinally(problem) }
        if names == ["item"] || names == ["loop"] { return LanguageProblem.loopNameOutsideLoop(problem, name: names[0]) }
        if names.count == 4, names[0] == "steps", names[2] == "outputs",
            let step = procedure.firstStep(where: { $0.id?.value == names[1] }), !step.hasDefaultSettings, step.loop != nil
        {
            return LanguageProblem.loopOutput(problem, step: names[1], output: names[3])
        }
        guard names.count == 2 else { return problem }
        if names[0] == "steps", let step = procedure.firstStep(where: { $0.id?.value == names[1] }) {
            return LanguageProblem.stepNotRunYet(id: names[1], number: step.index + 1, inGroup: step.group != nil)
        }
        if names[0] == "env", Suggestion.closest(to: names[1], in: environment.keys) == nil {
            return LanguageProblem.variableNotSet(problem)
        }
        return problem
    }

    private func check(_ condition: Condition, in scope: NameShape) -> [Diagnostic] {
        check(condition, in: scope, mustBe: .boolean) { LanguageProblem.conditionNotBoolean(found: $0) }
    }

    /// The problems of an expression that must give a value of type `expected`: its names and
    /// filters, then its type when that is known before the run (`wrongType` is the problem when
    /// it is another).
    private func check(
        _ condition: Condition, in scope: NameShape, mustBe expected: ValueType, wrongType: (ValueType) -> LanguageProblem
    ) -> [Diagnostic] {
        let errors = relevant(condition.expression.check(in: scope))
        if !errors.isEmpty { return errors.map { condition.diagnostic(explained($0), at: $0.range.lowerBound, in: procedure.file) } }
        let type = condition.expression.infer(in: scope)
        guard type == expected || type == .any else {
            return [condition.diagnostic(wrongType(type), at: 0, in: procedure.file)]
        }
        return []
    }

    static func type(of value: Value) -> ValueType {
        switch value {
        case .string: .string
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .list: .list
        case .mapping: .mapping
        case .null: .null
        }
    }

    /// A one-expression template keeps its expression's type; anything else renders to a string.
    static func type(of field: TemplateField, in scope: NameShape) -> ValueType {
        let expressions = field.template.parts.compactMap { part -> Expression? in
            if case .expression(let expression, _) = part { return expression }
            return nil
        }
        if field.template.parts.count == 1, let only = expressions.first { return only.infer(in: scope) }
        return .string
    }
}

extension ActionCall {
    /// Appends every template the call holds to `fields` (the checker reuses one array for all steps).
    func collectTemplates(into fields: inout [TemplateField]) {
        switch self {
        case .shell(let command): command.collectTemplates(into: &fields)
        case .log(let message, _): fields.append(message)
        case .assert(_, let message): if let message { fields.append(message) }
        case .fail(let message): if let message { fields.append(message) }
        case .sleep(let duration): fields.append(duration)
        case .set(let values):
            for (_, value) in values { if case .template(let field) = value { fields.append(field) } }
        case .writeFile(let write): fields += [write.path, write.content]
        case .http(let http): fields += [http.url] + [http.method, http.body].compactMap { $0 } + http.headers.map(\.field)
        case .library(_, let arguments): fields += arguments.map(\.field)
        case .procedure(let call): fields += call.templates
        case .external(_, let parameters): fields += parameters.flatMap(\.value.templates)
        case .mcp(let call): fields += [call.tool] + (call.arguments?.templates ?? [])
        case .parallel: break  // The group's steps are checked one by one.
        }
    }

    /// Every condition the call holds (`assert`'s clauses).
    var conditions: [Condition] {
        if case .assert(let conditions, _) = self { return conditions }
        return []
    }
}

extension CommandCall {
    /// Every template in the command, for checking.
    var templates: [TemplateField] {
        var fields: [TemplateField] = []
        collectTemplates(into: &fields)
        return fields
    }

    /// Appends every template in the command to `fields`.
    func collectTemplates(into fields: inout [TemplateField]) {
        switch command {
        case .line(let line): fields.append(line)
        case .arguments(let arguments): fields += arguments
        }
        guard !hasDefaultOptions else { return }
        for (_, field) in environment { fields.append(field) }
        if let workingDirectory { fields.append(workingDirectory) }
        if let shell { fields.append(shell) }
        if let standardInput { fields.append(standardInput) }
    }
}
