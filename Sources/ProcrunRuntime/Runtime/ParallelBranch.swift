import ProcrunLanguage
import ProcrunText

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
    /// For one entry of a matrix step run side by side: the names the entry sets (`matrix`,
    /// `loop`); the branch then runs the step once, as one entry, and reports nothing of its own.
    let entry: [String: Value]?
    /// Whether the entry runs in a copy of the folder commands run in (`isolate: true`).
    let isolated: Bool

    /// The branch of `member`, run by an interpreter like `parent` that ends its commands once
    /// `cancelDescriptor` is raised; with `entry`, one entry of `member`'s matrix (`isolated`: in
    /// a folder of its own).
    init(member: Step, interpreter parent: Interpreter, cancelDescriptor: Int32, entry: [String: Value]? = nil, isolated: Bool = false) {
        self.member = member
        self.entry = entry
        self.isolated = isolated
        let observer = BufferedObserver()
        self.observer = observer
        let interpreter = Interpreter(procedure: parent.procedure, library: parent.library, observer: observer, options: parent.options, graph: parent.graph)
        interpreter.share(parent)
        interpreter.cancelDescriptor = cancelDescriptor
        (interpreter.context, interpreter.secrets, interpreter.inheritedSecrets, interpreter.depth) = (parent.context, parent.secrets, parent.inheritedSecrets, parent.depth)
        (interpreter.environment, interpreter.environmentOverlay) = (parent.environment, parent.environmentOverlay)
        interpreter.commandDirectory = parent.commandDirectory
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
        if let entry {
            raw = interpreter.runEntry(member, names: entry, isolated: isolated)
        } else {
            raw = interpreter.attempt(member, timedOut: timedOut)
        }
        shown = raw.hiding(interpreter.secrets)
        if shown.status == .failed, shown.failureKind?.isCancellation == true { shown.status = .skipped }
        if entry == nil { observer.stepFinished(shown, step: member, of: interpreter.procedure) }
    }
}
