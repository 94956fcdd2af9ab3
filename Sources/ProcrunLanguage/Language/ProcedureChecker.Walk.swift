import ProcrunText

extension ProcedureChecker {
    /// One pass over a procedure's steps in file order, checking each step's templates and
    /// conditions against the names that exist when it runs: the inputs, `env`, the results of
    /// the steps before it and the variables they set.
    struct Walk {
        /// What a visited step adds for later steps: the variables it sets, and its result.
        typealias Added = (assigned: [(String, NameShape)], result: (String, NameShape)?)

        let checker: ProcedureChecker
        /// The problems found so far.
        var diagnostics: [Diagnostic] = []
        /// The names every step reads beside `steps` and `vars`.
        var roots: [String: NameShape]
        /// The results of the steps visited, by id.
        var steps: [String: NameShape] = [:]
        /// The variables set by the steps visited, over the declared ones.
        var vars: [String: NameShape] = [:]
        /// The variables `vars:` declares (the library's and the procedure's), which no `set` step may assign.
        var declared: [String: NameShape] = [:]
        /// The variables every command inherits, read once (`env` templates read inputs and `env` only).
        var inheritedEnvironment: [String: EnvironmentSetting] = [:]
        /// The scope of the step at hand, kept while no step adds a name to it (most steps add none).
        var current: NameShape?
        /// The templates of the step at hand, in one array reused for every step.
        var fields: [TemplateField] = []
        /// The next dropped template and condition to check, in the scope of the step they precede.
        var nextDropped = (template: 0, condition: 0)
        /// The procedure's folder, which its literal paths are taken from (found once, not per step).
        let directory: String

        /// A walk of `checker`'s procedure, steps reading `roots`.
        init(checker: ProcedureChecker, roots: [String: NameShape]) {
            self.checker = checker
            self.roots = roots
            let procedure = checker.procedure
            directory = procedure.directory
            inheritedEnvironment = EnvironmentSetting.inherited(
                procedure: procedure.environment, file: procedure.file, library: checker.library.environment, libraryFile: checker.library.configFile,
                scope: scope())
        }

        /// The names templates read here, with `extra` ones (a loop's item, a step's own `result`).
        func scope(adding extra: [String: NameShape] = [:]) -> NameShape {
            var all = roots
            all.merge(extra) { $1 }
            all["steps"] = .object(steps, open: false, optionalWithDefault: false)
            all["vars"] = .object(vars, open: false, optionalWithDefault: false)
            return .object(all, open: false, optionalWithDefault: false)
        }

        /// Checks the main steps, then the `finally` steps, then the procedure's outputs.
        mutating func checkSteps() {
            let procedure = checker.procedure
            // The procedure's preconditions and needs come before step 1: they read what step 1 reads, no step.
            if !procedure.preconditions.isEmpty { report(checker.check(procedure.preconditions, in: scope())) }
            for need in procedure.needs { _ = visit(need) }
            if let check = procedure.upToDate { checkUpToDate(check, in: scope()) }
            for (list, isFinally) in [(procedure.steps, false), (procedure.finally, true)] where !list.isEmpty {
                if isFinally {
                    // The `finally` steps also read how the run went.
                    roots["run"] = ProcedureChecker.runShape
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
                    for added in visited { apply(added) }
                    current = nil
                }
            }
            let end = scope()
            checkDropped(before: Int.max, in: end)
            for output in procedure.outputs { report(checker.check(output.field, in: end)) }
        }

        /// Checks the dropped templates and conditions of the steps before `index`.
        mutating func checkDropped(before index: Int, in scope: NameShape) {
            let (templates, conditions) = (checker.droppedTemplates, checker.droppedConditions)
            while nextDropped.template < templates.count, templates[nextDropped.template].step < index {
                report(checker.check(templates[nextDropped.template].field, in: scope))
                nextDropped.template += 1
            }
            while nextDropped.condition < conditions.count, conditions[nextDropped.condition].step < index {
                report(checker.check(conditions[nextDropped.condition].condition, in: scope))
                nextDropped.condition += 1
            }
        }

        /// Checks one step in the scope at hand; returns what it adds, for the caller to add once
        /// the step (or its whole parallel group) is done.
        mutating func visit(_ step: Step) -> Added {
            // Most steps set nothing beyond their action: no loop to read.
            let stepLoop = step.hasDefaultSettings ? nil : step.loop
            // Only a step later templates can name (an id) or whose outputs read `result` needs it.
            let result: NameShape? =
                step.id != nil || (!step.hasDefaultSettings && !step.outputs.isEmpty)
                ? ProcedureChecker.resultShape(outputs: stepLoop == nil ? step.outputs.map(\.name) : [], call: step.call, loop: stepLoop != nil) : nil
            // The scopes built here share `steps` and `vars`; `current` is dropped before they
            // change (in `apply`), so the updates find those dictionaries unshared and do not copy
            // them (which would make checking quadratic in the number of steps).
            var here = current ?? scope()
            current = here
            if checker.incomplete { checkDropped(before: step.index, in: here) }
            // A step's needs run before it (once, not per item of its loop).
            if !step.hasDefaultSettings { for need in step.needs { _ = visit(need) } }
            // A loop's item and `loop`, for the step's own templates.
            let loopNames: [String: NameShape] = stepLoop.map(ProcedureChecker.loopNames) ?? [:]
            if let loop = stepLoop {
                // The items are read before the loop; the step's own templates see the item.
                report(checker.check(loop, in: here))
                here = scope(adding: loopNames)
            }
            let action: (any BuiltinAction)? = if case .builtin(let action) = step.call { action } else { nil }
            checkAction(action, of: step, in: here)
            if !step.hasDefaultSettings, let when = step.when { report(checker.check(when, in: here)) }
            if !step.hasDefaultSettings, let check = step.upToDate { checkUpToDate(check, in: here) }
            if !step.hasDefaultSettings, !step.preconditions.isEmpty { report(checker.check(step.preconditions, in: here)) }
            if case .procedure(let call) = step.call, let callee = call.callee {
                report(checker.checkInputTypes(call, callee, in: here))
            }
            if !step.hasDefaultSettings, !step.outputs.isEmpty {
                checkOutputs(of: step, loopNames: loopNames, result: stepLoop == nil ? result : nil)
            }
            let assigned = action?.assignedVariables(in: here).map { ($0.name, $0.shape) } ?? []
            if !declared.isEmpty, let set = action as? SetAction {
                report(set.redeclared(checker.library.variables + checker.procedure.variables, library: checker.library.configFile, file: checker.procedure.file))
            }
            guard let id = step.id, let result else { return (assigned, nil) }
            return (assigned, (id.value, result))
        }

        /// Checks the step's action and expectations: their templates, and a built-in action's
        /// conditions and what only the action knows.
        private mutating func checkAction(_ action: (any BuiltinAction)?, of step: Step, in here: NameShape) {
            fields.removeAll(keepingCapacity: true)
            step.call.collectTemplates(into: &fields)
            if !step.hasDefaultSettings { step.expect.collectTemplates(into: &fields) }
            // A template without an expression (most command lines) has nothing to check.
            for field in fields where !field.template.isLiteral {
                report(checker.check(field, in: here))
            }
            if case .library(let libraryAction, let arguments) = step.call {
                report(libraryAction.listProblems(arguments, in: here, file: checker.procedure.file))
            }
            guard let action else { return }
            report(action.check(in: here, file: checker.procedure.file, inherited: inheritedEnvironment))
            report(action.checkPaths(from: directory, library: checker.library.root, file: checker.procedure.file))
            for condition in action.conditions { report(checker.check(condition, in: here)) }
        }

        /// Checks an up-to-date check's globs and status commands: the names they read, and the
        /// commands' shell safety.
        private mutating func checkUpToDate(_ check: UpToDateCheck, in here: NameShape) {
            for field in check.templates where !field.template.isLiteral { report(checker.check(field, in: here)) }
            for call in check.status { report(call.shellSafetyDiagnostics(in: here, file: checker.procedure.file)) }
        }

        /// Checks the step's own outputs, which read its result (`own`: its shape, nil for a
        /// loop's, whose outputs are each item's).
        private mutating func checkOutputs(of step: Step, loopNames: [String: NameShape], result own: NameShape?) {
            // A loop's own outputs are each item's: `result` is the item's result.
            let result = own ?? ProcedureChecker.resultShape(outputs: step.outputs.map(\.name), call: step.call)
            let withResult = scope(adding: loopNames.merging(["result": result]) { $1 })
            for output in step.outputs { report(checker.check(output.field, in: withResult)) }
        }

        /// Adds problems found to ``diagnostics`` (most checks find none: nothing to append).
        mutating func report(_ found: [Diagnostic]) {
            if !found.isEmpty { diagnostics += found }
        }

        /// Adds what a visited step adds to the names later steps read.
        mutating func apply(_ added: Added) {
            if !added.assigned.isEmpty || added.result != nil { current = nil }
            for (name, shape) in added.assigned { vars[name] = shape }
            if let (id, shape) = added.result { steps[id] = shape }
        }
    }
}
