import ProcrunLanguage

/// One step of a parallel group and the interpreter that runs it on a worker thread. Only that
/// thread touches it until the step is done; then only the group's thread reads it.
final class ParallelBranch: @unchecked Sendable {
    /// The step.
    let member: Step
    /// Runs it: the run's procedure, library, options, secrets, environment and helpers, the
    /// templates' names as they were when the group started.
    let interpreter: Interpreter
    /// Holds what the step reports (the interpreter's observer is weak).
    let observer: BufferedObserver
    /// The result as it came, for templates.
    private(set) var raw: StepResult
    /// The result as people and reports see it.
    private(set) var shown: StepResult
    /// Whether the step was started (`fail_fast` may keep it from starting).
    private(set) var ran = false

    /// The branch of `member`, run by an interpreter like `parent` that ends its commands once
    /// `cancelDescriptor` is raised.
    init(member: Step, interpreter parent: Interpreter, cancelDescriptor: Int32) {
        self.member = member
        let observer = BufferedObserver()
        self.observer = observer
        let interpreter = Interpreter(procedure: parent.procedure, library: parent.library, observer: observer, options: parent.options, graph: parent.graph)
        interpreter.share(parent)
        interpreter.cancelDescriptor = cancelDescriptor
        (interpreter.context, interpreter.secrets, interpreter.inheritedSecrets, interpreter.depth) = (parent.context, parent.secrets, parent.inheritedSecrets, parent.depth)
        (interpreter.environment, interpreter.environmentOverlay) = (parent.environment, parent.environmentOverlay)
        (interpreter.libraryEnvironment, interpreter.libraryValues) = (parent.libraryEnvironment, parent.libraryValues)
        self.interpreter = interpreter
        raw = StepResult(of: member, status: .skipped)
        shown = raw
    }

    /// Runs the step and tells the held observer it finished.
    /// A step ended by `fail_fast` counts as skipped, its error saying why.
    /// `timedOut` is what the step says when the deadline it runs under has passed.
    func run(timedOut: String) {
        if interpreter.isCancelled { return }
        ran = true
        raw = interpreter.attempt(member, timedOut: timedOut)
        shown = raw.hiding(interpreter.secrets)
        if shown.status == .failed, shown.failureKind?.isCancellation == true { shown.status = .skipped }
        observer.stepFinished(shown, step: member, of: interpreter.procedure)
    }
}
