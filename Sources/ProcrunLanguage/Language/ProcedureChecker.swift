import ProcrunText

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
    func check(_ loop: StepLoop, in scope: NameShape) -> [Diagnostic] {
        switch loop.items {
        case .written(let fields):
            return fields.flatMap { check($0, in: scope) }
        case .expression(let condition):
            return check(condition, in: scope, mustBe: .list) { LanguageProblem.forEachNotList(found: $0) }
        case .matrix(let matrix):
            return check(matrix, in: scope)
        }
    }

    /// A matrix's axes (each expression must give a list) and the templates of its values,
    /// `include` and `exclude`, all read before the step's entries exist.
    private func check(_ matrix: StepMatrix, in scope: NameShape) -> [Diagnostic] {
        let lists = matrix.expressions.flatMap { axis in
            check(axis.condition, in: scope, mustBe: .list) { LanguageProblem.matrixAxisNotList(axis: axis.axis, found: $0) }
        }
        return lists + matrix.templates.flatMap { check($0, in: scope) }
    }

    /// The names a loop's step reads beside the others: its item (under its name, or a matrix's
    /// entry as `matrix`, with every name the matrix gives an entry) and `loop`.
    static func loopNames(_ loop: StepLoop) -> [String: NameShape] {
        guard case .matrix(let matrix) = loop.items else { return [loop.name.value: .value(.any), "loop": loopShape] }
        let entry = Dictionary(matrix.keys.map { ($0, NameShape.value(.any)) }, uniquingKeysWith: { first, _ in first })
        guard matrix.isolate, case .object(var loop, _, _) = loopShape else { return ["matrix": .object(entry), "loop": loopShape] }
        // An entry in a folder of its own reads that folder as `loop.dir`.
        loop["dir"] = .value(.string)
        return ["matrix": .object(entry), "loop": .object(loop)]
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

    /// The procedure's `env` templates read inputs, the procedure and `env` as the run renders
    /// them, in file order: the process's variables, the library's, and its own `.env` values
    /// and variables written above them.
    private func checkEnvironment(_ roots: [String: NameShape]) -> [Diagnostic] {
        var inherited = environment.mapValues { _ in NameShape.value(.string) }
        for name in library.environment.names { inherited[name] = .value(.string) }
        var own = roots
        own["env"] = nil
        let problems = procedure.environment.problems(roots: own, inherited: inherited, defined: library.environment.names)
        return problems.filter { !relevant([$0.error]).isEmpty }.map { $0.field.diagnostic(explained($0.error), at: $0.error.range.lowerBound, in: procedure.file) }
    }

    private func checkAll() -> [Diagnostic] {
        let roots: [String: NameShape] = [
            "inputs": .object(
                Dictionary(uniqueKeysWithValues: procedure.inputs.map { ($0.name, NameShape.value($0.kind.valueType)) }),
                open: false, optionalWithDefault: false),
            "env": .object(environmentNames, open: false, optionalWithDefault: true),
            "procedure": .object(["name": .value(.string), "version": .value(.integer)], open: false, optionalWithDefault: false),
            "os": Platform.shape,
        ]
        var walk = Walk(checker: self, roots: roots)
        walk.diagnostics = checkEnvironment(roots)
        let variables = checkVariables(roots)
        walk.report(variables.diagnostics)
        walk.declared = variables.shapes
        walk.vars = variables.shapes
        walk.checkSteps()
        return walk.diagnostics
    }

    /// The procedure's `vars` read `inputs`, `env`, `os`, the library's variables it does not
    /// shadow and its own declared above them: their problems, and the shapes of every variable
    /// its steps read as `vars` (the library's, with the procedure's over them).
    private func checkVariables(_ roots: [String: NameShape]) -> Variable.Checked {
        guard !library.variables.isEmpty || !procedure.variables.isEmpty else { return Variable.Checked() }
        let own = Set(procedure.variables.map(\.name.value))
        let libraryShapes = library.checkedVariables(process: environment).shapes
        var checked = Variable.check(
            procedure.variables, roots: roots.filter { ["inputs", "env", "os"].contains($0.key) }, inherited: libraryShapes.filter { !own.contains($0.key) },
            file: procedure.file)
        checked.shapes = libraryShapes.merging(checked.shapes) { $1 }
        return checked
    }

    /// A templated value whose type is known before the run must suit the callee's input.
    func checkInputTypes(_ call: ProcedureCall, _ callee: ProcedureSignature, in scope: NameShape) -> [Diagnostic] {
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

    /// The problems of a template in `scope`: its names and filters, with why a name is undefined.
    func check(_ field: TemplateField, in scope: NameShape) -> [Diagnostic] {
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
        if names == ["matrix"] { return LanguageProblem.matrixOutsideMatrix(problem) }
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

    /// The problems of a condition in `scope`: its names and filters, and a type known before the
    /// run that is not true or false.
    func check(_ condition: Condition, in scope: NameShape) -> [Diagnostic] {
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
    package func collectTemplates(into fields: inout [TemplateField]) {
        switch self {
        case .builtin(let action): action.collectTemplates(into: &fields)
        case .library(_, let arguments): fields += arguments.map(\.field)
        case .procedure(let call): fields += call.templates
        case .external(_, let parameters): fields += parameters.flatMap(\.value.templates)
        case .parallel: break  // The group's steps are checked one by one.
        }
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
        switch shell {
        case .line(let line)?: fields.append(line)
        case .arguments(let words)?: fields += words
        case nil: break
        }
        if let standardInput { fields.append(standardInput) }
    }
}
