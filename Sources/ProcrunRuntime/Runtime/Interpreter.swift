package import ProcrunLanguage
import ProcrunSystem
package import ProcrunText

/// Runs a loaded ``Procedure`` step by step: evaluates `when`, renders parameters, executes the
/// action, checks the outcome against what was expected, retries, and records each result.
///
/// The interpreter is synchronous: a step's process is the only thing running, so there is no
/// scheduling cost between steps.
package final class Interpreter {
    /// The procedure being run.
    package let procedure: Procedure
    /// The library it belongs to.
    package let library: Library
    /// Who hears about progress.
    package weak var observer: (any RunObserver)?
    /// How to run.
    package let options: RunOptions

    var context: RenderContext
    /// Secret input values, hidden from outcomes and errors.
    var secrets: [String] = []
    /// The procedure's folder as an absolute path, where relative paths start.
    let directory: String
    /// Where its commands run when a step sets no `cwd`, as an absolute path (for an entry of a
    /// matrix with `isolate: true`, that entry's copy of it).
    var commandDirectory: String
    /// The shell of its command lines when a step sets none (a library variable's command runs
    /// with the library's instead).
    var shell: ShellProgram
    let libraryDirectory: String
    /// procrun's own working folder: commands meant to run there need no chdir.
    let currentDirectory = FileSystem.currentDirectory()
    /// The loaded procedures that steps may call (none: calling one fails the step).
    let graph: CallGraph?
    /// Where this run starts, when it resumes an earlier one.
    let resume: ResumePoint?

    /// The `vars` (values set by `set` steps) as the run left them; the declared variables'
    /// values are not among them (they may hold secrets: a run's journal keeps these), and
    /// setting them keeps those values.
    var vars: [String: Value] {
        get {
            guard case .mapping(let vars)? = context.roots["vars"] else { return [:] }
            return declaredVariables.isEmpty ? vars : vars.filter { declaredVariables[$0.key] == nil }
        }
        set {
            var values = newValue
            if !declaredVariables.isEmpty, case .mapping(let current)? = context.roots["vars"] {
                for (name, value) in current where declaredVariables[name] != nil { values[name] = value }
            }
            context.roots["vars"] = .mapping(values)
        }
    }
    /// The variables `vars:` declares that the procedure reads, by name: the library's, with the
    /// procedure's own over them.
    let declaredVariables: [String: Variable]
    /// The values of `procrun.yaml`'s variables computed so far in this interpreter.
    var libraryValues: [String: Value] = [:]
    /// The environment as the library's `env` and `.env` files leave it (nil: the process's),
    /// which `procrun.yaml`'s variables read, and what they add to it.
    var libraryEnvironment: (values: [String: String], overlay: [(String, String)])?
    /// The run's `{sh: ...}` variables computed so far, shared with called procedures and parallel steps.
    var computed = ComputedVariables()
    /// Whether a variable's command runs now: its output is not streamed as a step's is.
    var computingVariable = false
    /// The step whose action runs now, as the actions' context reads it (its timeout, `keep_running`).
    var running: RunningStep?
    /// Hears of each top-level step as it finishes (a parallel group, then its steps), with the
    /// run's `vars` after it: how a run's journal learns how far the run got.
    package var stepFinished: ((StepResult, [String: Value]) -> Void)?
    /// How many calls deep this run is (0 for the procedure named on the command line).
    var depth = 0
    /// Secret values of the callers, hidden here too.
    var inheritedSecrets: [String] = []
    /// When a calling step's `timeout` runs out (nil: no such limit).
    var deadline: ContinuousClock.Instant?
    /// The timeout, as written, of the calling step whose deadline `deadline` is.
    var deadlineTimeout: Duration?
    /// The environment of the run, handed to called procedures.
    var environment: [String: String] = [:]
    /// The variables of the library's and the procedure's `env` and `dotenv`, for every command.
    var environmentOverlay: [(String, String)] = []
    /// The variables each command line reads inside arithmetic, by the line's template text.
    var arithmeticNamesByCommand: [String: Set<String>] = [:]
    /// The executor and MCP servers started for this run, shared with called procedures.
    var sessions = AgentSessions()
    /// The process groups steps left running, ended when the outermost procedure ends.
    var leftovers = LeftoverProcessGroups()
    /// Read end of the ``CancelSignal`` of the parallel group this interpreter runs a step of
    /// (-1 outside groups): once raised, commands are ended and no further attempt or item starts.
    var cancelDescriptor: Int32 = -1
    /// The needs this run is inside of, outermost first, each by its ``NeedRegistry`` key and the
    /// needed procedure's name: a need of one of them would wait for itself.
    var needChain: [(key: String, name: String)] = []
    /// Whether the parallel group this runs in has called its steps off (`fail_fast`).
    var isCancelled: Bool { CancelSignal.isRaised(cancelDescriptor) }

    /// Performs the actions nothing else defines inside the calling program: it gets the action's
    /// name and rendered parameters and returns the outcome; throwing fails the step with the
    /// error's description. Takes the place of the library's executor process (for a library with
    /// ``Library/callerExecutes``), in called procedures too.
    var callerExecutor: ((_ action: String, _ parameters: [String: Value]) throws -> String)? {
        get { sessions.callerExecutor }
        set { sessions.callerExecutor = newValue }
    }

    /// Creates an interpreter for one run of `procedure`, whose callees `graph` holds (without
    /// one, calling a procedure fails the step); `callerExecutor` performs the actions nothing
    /// else defines, for a library with ``Library/callerExecutes``.
    package init(
        procedure: Procedure, library: Library, observer: (any RunObserver)? = nil, options: RunOptions = RunOptions(), graph: CallGraph? = nil,
        callerExecutor: ((_ action: String, _ parameters: [String: Value]) throws -> String)? = nil, resume: ResumePoint? = nil
    ) {
        self.resume = resume
        self.procedure = procedure
        self.library = library
        self.observer = observer
        self.options = options
        self.graph = graph
        self.context = RenderContext(roots: [:])
        self.directory = FileSystem.absolute(procedure.directory)
        self.commandDirectory = FileSystem.absolute(procedure.commandDirectory(in: library))
        self.shell = procedure.shell(in: library)
        self.declaredVariables = Interpreter.declaredVariables(of: procedure, in: library)
        self.libraryDirectory = FileSystem.absolute(library.root)
        self.sessions.callerExecutor = callerExecutor
    }

    /// Runs every step with the given inputs (already bound by ``InputBinder``) and reports.
    package func run(inputs: [String: Value], environment: [String: String] = FileSystem.environment()) -> RunReport {
        let clock = ContinuousClock.now
        self.environment = environment
        secrets = SecretMasker.longestFirst(inheritedSecrets + SecretMasker.secrets(of: procedure, library: library, inputs: inputs))
        context.roots = [
            "inputs": .mapping(inputs),
            "env": .mapping(environment.mapValues(Value.string)),
            "procedure": .mapping(["name": .string(procedure.name.value), "version": .integer(procedure.version)]),
            "os": Platform.value,
            "steps": .mapping([:]),
            "vars": .mapping(resume?.vars ?? [:]),
        ]
        let environmentError = (library.environment.isEmpty && procedure.environment.isEmpty ? nil : prepareEnvironment()) ?? ProcedureCallRun.checkReferences(in: self)
        var results: [StepResult] = []
        var success = environmentError == nil
        var interrupted = false
        var error = environmentError
        var needs: [StepResult] = []
        // A precondition is about the world the procedure starts in: checked before its needs.
        var precondition: StepResult?
        if environmentError == nil, !procedure.preconditions.isEmpty, let unmet = unmetProcedurePrecondition() {
            success = false
            interrupted = unmet.wasInterrupted
            if !interrupted {
                error = unmet.error
                precondition = unmet
                observer?.preconditionFailed(unmet, of: procedure)
            }
        }
        if error == nil, !interrupted, !procedure.needs.isEmpty {
            needs = NeedsRun(needs: procedure.needs, interpreter: self).run()
            if let failure = NeedsRun.failure(in: needs) {
                success = false
                interrupted = failure.kind == .interrupted
                if !interrupted { error = failure.shown }
            }
        }
        var pending: PendingFingerprint?
        var upToDate: String?
        if error == nil, !interrupted, let check = procedure.upToDate {
            (upToDate, pending, error) = decide(check, inputs: inputs)
            success = error == nil
        }
        if error == nil, !interrupted, upToDate == nil {
            (success, interrupted) = runSteps(into: &results)
            if !procedure.finally.isEmpty { FinallyRun(interpreter: self).run(&results, success: &success, interrupted: interrupted) }
        }
        var report = RunReport(
            procedure: procedure.name.value, file: procedure.file.path, success: success && !interrupted,
            durationNanoseconds: 0, steps: results, outputs: [:], interrupted: interrupted)
        report.dryRun = options.dryRun
        report.error = error
        report.needs = needs
        report.upToDate = upToDate
        report.precondition = precondition
        if report.success, !declaredVariables.isEmpty, let failure = computeVariables(Variable.names(readBy: procedure.outputs.flatMap(\.field.template.expressions))) {
            report.success = false
            report.error = redactError(failure.shown)
        }
        if report.success { renderOutputs(into: &report) }
        if report.success, let pending { storeFingerprint(pending) }
        if depth == 0 {
            if !interrupted {
                let key = NeedRegistry.key(file: CallGraph.key(of: procedure.file.path), inputs: inputs)
                options.needs.recordRoot(key, with: NeedRegistry.Outcome(succeeded: report.success, outputs: report.outputs))
            }
            sessions.stopAll()
            for entry in leftovers.endAll() {
                observer?.leftoverProcessesEnded(group: entry.group, step: entry.step)
            }
        }
        report.durationNanoseconds = StepResult.nanoseconds(since: clock)
        return report
    }

    /// Runs the main steps in order (those a resumed run ran before restored), until one fails
    /// that aborts the run or an interrupt arrives: whether all succeeded, and whether the run was
    /// interrupted.
    private func runSteps(into results: inout [StepResult]) -> (success: Bool, interrupted: Bool) {
        results.reserveCapacity(procedure.steps.count)
        var success = true
        for step in procedure.steps {
            if let resume, step.index < resume.start {
                restore(step, from: resume, into: &results)
                continue
            }
            if Interrupts.received { return (success, true) }
            let result = perform(step, timedOut: StepFailure.callTimedOut)
            let failed = result.status == .failed
            // Every step that fails because of Ctrl-C fails once the interrupt has arrived.
            let wasInterrupted = failed && Interrupts.received
            let first = results.count
            append(result, to: &results)
            if let stepFinished {
                for finished in results[first...] { stepFinished(finished, vars) }
            }
            if failed {
                success = false
                if wasInterrupted { return (false, true) }
                if step.onFailure == .abort { break }
            }
        }
        return (success, false)
    }

    /// A step an earlier run ran, as a resumed run reports it: skipped, its result (a parallel
    /// group's steps with it) readable by later templates as it was.
    private func restore(_ step: Step, from resume: ResumePoint, into results: inout [StepResult]) {
        var restored = [step]
        if case .parallel(let group) = step.call { restored += group.steps }
        for step in restored {
            var result = StepResult(of: step, status: .skipped)
            result.restored = true
            // A group's steps say which group they are of, as in the run that ran them.
            if let group = step.group { result.group = group + 1 }
            if let id = step.id?.value, let earlier = resume.results[step.index] { restore(id, earlier) }
            observer?.stepFinished(result, step: step, of: procedure)
            results.append(result)
        }
    }

    /// Renders the procedure's `outputs` into a successful run's report: a caller reads its
    /// callee's outputs as they came; the outermost run's are shown.
    private func renderOutputs(into report: inout RunReport) {
        do {
            for output in procedure.outputs {
                let value = try output.field.template.render(in: context)
                report.outputs[output.name] = depth == 0 ? value.hiding(secrets) : value
            }
        } catch {
            report.success = false
            report.error = redactError(located(error, output(named: error, in: procedure.outputs)))
        }
    }

    /// Runs one step (or fails it with `timedOut` when the deadline has passed), makes its result
    /// readable by later templates and tells the observer: the result as reports show it.
    func perform(_ step: Step, timedOut: String) -> StepResult {
        var result = attempt(step, timedOut: timedOut)
        record(result)
        // Later steps read the output as it came; people and reports see it redacted.
        if !secrets.isEmpty { result = result.hiding(secrets) }
        observer?.stepFinished(result, step: step, of: procedure)
        return result
    }

    /// Runs one step, or fails it with `timedOut` when the deadline has passed: its result as it
    /// came, for templates (``perform(_:timedOut:)`` records it and tells the observer).
    func attempt(_ step: Step, timedOut: String) -> StepResult {
        var result: StepResult
        if let deadline, ContinuousClock.now >= deadline {
            result = StepResult(of: step, status: .failed)
            result.fail(StepFailure(.timedOut, timedOut))
        } else {
            result = runStep(step, timedOut: timedOut)
        }
        // (Most steps keep every rare setting at its default: nothing more to read.)
        if !step.hasDefaultSettings {
            result.isFinally = step.isFinally
            result.group = step.group.map { $0 + 1 }
        }
        return result
    }

    /// Adds a step's result to the run's, a parallel group's steps right after the group's own.
    func append(_ result: consuming StepResult, to results: inout [StepResult]) {
        let members = result.members
        guard !members.isEmpty else { return results.append(result) }
        result.members = []
        results.append(result)
        results += members
    }

    /// Makes a finished step's result visible to later templates.
    func record(_ result: StepResult) {
        if let id = result.id { restore(id, result.value) }
    }

    /// Makes `value` what templates read as `steps.ID`.
    func restore(_ id: String, _ value: Value) {
        guard case .mapping(var steps)? = context.roots.removeValue(forKey: "steps") else { return }
        steps[id] = value
        context.roots["steps"] = .mapping(steps)
    }

    /// One step: once, or once per item of its loop.
    /// `timedOut` is what a parallel group's steps say when the deadline has passed.
    func runStep(_ step: Step, timedOut: String = StepFailure.callTimedOut) -> StepResult {
        if !step.hasDefaultSettings, !step.needs.isEmpty { return runNeeded(step, timedOut: timedOut) }
        if !declaredVariables.isEmpty, let failure = computeVariables(step.variablesRead(deciding: true)) { return failed(step, failure) }
        if case .parallel(let group) = step.call { return ParallelGroupRun(step: step, group: group, interpreter: self, timedOut: timedOut).run() }
        if !step.hasDefaultSettings, let loop = step.loop { return StepLoopRun(step: step, loop: loop, interpreter: self).run() }
        return runOnce(step)
    }

    /// One run of a step: its condition, its preconditions, its attempts, its outputs. `announce`: tell the observer
    /// the step started (a loop announces itself once, not per item).
    func runOnce(_ step: Step, announce: Bool = true) -> StepResult {
        var result = StepResult(of: step, status: .success)
        let started = ContinuousClock.now
        if let when = step.when {
            do throws(StepFailure) {
                if try !holds(when) {
                    result.status = .skipped
                    return result
                }
            } catch {
                result.fail(error)
                return result
            }
        }
        if !step.hasDefaultSettings, !step.preconditions.isEmpty, let unmet = unmetPrecondition(of: step.preconditions) {
            result = failed(step, unmet.failure)
            result.stderr = unmet.stderr
            result.durationNanoseconds = StepResult.nanoseconds(since: started)
            return result
        }
        if !declaredVariables.isEmpty, let failure = computeVariables(step.variablesRead(deciding: false)) {
            result = failed(step, failure)
            result.durationNanoseconds = StepResult.nanoseconds(since: started)
            return result
        }
        var pending: PendingFingerprint?
        if !step.hasDefaultSettings, let check = step.upToDate {
            let ended: StepResult?
            (ended, pending) = decide(check, of: step, started: started)
            if let ended { return ended }
        }
        if announce { observer?.stepStarted(step, of: procedure) }
        var delay = step.retry.delay
        var attempts = 0
        while true {
            attempts += 1
            // The action fills the result in place (a result is large; copying one was a tenth
            // of a built-in step's cost); a retry starts from a fresh one.
            if attempts > 1 { result = StepResult(of: step, status: .success) }
            execute(step, into: &result)
            if !options.dryRun, result.status == .success, let failure = check(step, result.output) {
                result.fail(failure)
            }
            result.attempts = attempts
            if result.status == .success || attempts > step.retry.count || Interrupts.received || isCancelled { break }
            if !Interrupts.sleep(delay) {
                result.fail(.interrupted)
                break
            }
            delay = .clampedSeconds(delay.seconds * step.retry.backoff)
        }
        if result.status == .success, !step.outputs.isEmpty {
            computeOutputs(step, &result)
        }
        if result.status == .success, let pending { storeFingerprint(pending) }
        // The outcome stays as it came: later steps read it; ``StepResult/hiding(_:)`` masks what people see.
        result.error = result.error.map(redactError)
        result.cause = result.cause.map(redactError)
        result.durationNanoseconds = StepResult.nanoseconds(since: started)
        return result
    }

    /// A step failed before it ran, by a variable it reads that could not be computed or a
    /// precondition that did not hold.
    func failed(_ step: Step, _ failure: StepFailure) -> StepResult {
        var result = StepResult(of: step, status: .failed)
        result.fail(failure)
        result.error = result.error.map(redactError)
        result.cause = result.cause.map(redactError)
        return result
    }

    /// Whether a step's `when` (or another condition: a precondition) holds now; a condition that
    /// cannot be evaluated, or is not true or false (`notBoolean`), fails the step.
    func holds(_ when: Condition, notBoolean: StepProblem = .whenNotBoolean) throws(StepFailure) -> Bool {
        let value: Value
        do {
            value = try when.expression.evaluate(in: context)
        } catch {
            throw StepFailure(.template, redactError(DiagnosticRenderer.line(when.diagnostic(error.explained(by: context), in: procedure.file))))
        }
        guard case .boolean(let holds) = value else { throw StepFailure(notBoolean) }
        return holds
    }

    /// Renders a step's own `outputs` with `result` bound to it.
    private func computeOutputs(_ step: Step, _ result: inout StepResult) {
        context.roots["result"] = result.value
        defer { context.roots["result"] = nil }
        for output in step.outputs {
            do {
                result.outputs[output.name] = try output.field.template.render(in: context)
            } catch {
                if options.dryRun {
                    // A dry run's results are placeholders; an output computed from one stays a placeholder.
                    result.outputs[output.name] = .string(result.placeholder("outputs." + output.name))
                    continue
                }
                result.fail(StepFailure(.template, located(error, output.field)))
                return
            }
        }
    }

    /// Hides secret values: each one whole, and each line of one that spans lines (an error
    /// quotes an output's last line), the longest first.
    func redact(_ text: String) -> String {
        SecretMasker.masking(text, hiding: secrets)
    }

    /// An error text as it may be shown and kept: secret input values and credential-shaped
    /// strings hidden, control characters and escape sequences taken out.
    func redactError(_ text: String) -> String {
        TerminalSanitizer.clean(SecretRedactor.credentialShapes.masking(redact(text)))
    }

    /// A template error as `path:line:col: message`.
    func located(_ error: TemplateError, _ field: TemplateField?) -> String {
        let error = error.explained(by: context)
        guard let field else { return error.message }
        return DiagnosticRenderer.line(field.diagnostic(error, in: procedure.file))
    }

    private func output(named error: TemplateError, in outputs: [(name: String, field: TemplateField)]) -> TemplateField? {
        outputs.first { (try? $0.field.template.render(in: context)) == nil }?.field
    }
}
