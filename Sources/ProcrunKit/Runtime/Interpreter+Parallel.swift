import Glibc

extension Interpreter {
    /// What a step of a parallel group reports when `fail_fast` kept it from starting.
    static let notStartedMessage = "not started: another step of its parallel group failed (fail_fast)"

    /// Runs a parallel group: its steps side by side, at most `max` at once (the number of
    /// processors by default), each on a thread of its own with a copy of the templates' names as
    /// they were when the group started, and each a normal step (its own `when`, timeout,
    /// retries, expectations, loop). What a step reports reaches the observer in one piece when it
    /// is done. When one fails and `fail_fast` holds, steps not started yet are skipped and running
    /// commands are ended (those steps count as skipped, their error saying why). The group's
    /// result is failed when one of its steps failed, with that step's reason; its steps' results
    /// are ``StepResult/members``, and later templates read them as `steps.ID` like any other.
    func runGroup(_ step: Step, _ group: ParallelGroup, timedOut: String) -> StepResult {
        let failFast = group.failsFast(isFinally: step.isFinally)
        var result = StepResult(number: step.index + 1, id: step.id?.value, action: step.action.value, status: .success)
        let started = ContinuousClock.now
        func skipped(_ member: Step, because reason: String? = nil) -> StepResult {
            var skipped = StepResult(number: member.index + 1, id: member.id?.value, action: member.action.value, status: .skipped)
            skipped.isFinally = member.isFinally
            skipped.group = member.group.map { $0 + 1 }
            skipped.error = reason
            return skipped
        }
        // A member that never runs is skipped, for later templates and the observer alike.
        func report(_ skipped: StepResult, of member: Step) {
            record(skipped)
            observer?.stepFinished(skipped, step: member, of: procedure)
        }
        if let when = step.when {
            var runs = false
            do throws(StepFailure) {
                runs = try holds(when)
                if !runs { result.status = .skipped }
            } catch {
                result.fail(error)
            }
            if !runs {
                result.members = group.steps.map { skipped($0) }
                for (member, skipped) in zip(group.steps, result.members) { report(skipped, of: member) }
                return result
            }
        }
        observer?.stepStarted(step, of: procedure)
        let cancel = CancelSignal()
        let branches = group.steps.map { member in
            ParallelBranch(member: member, interpreter: self, cancelDescriptor: failFast ? cancel.descriptor : cancelDescriptor)
        }
        var members = group.steps.map { skipped($0) }
        var firstFailure: Int?
        var done = 0
        // On this thread, in the order steps finish: what each reported, its leftovers, its result.
        func finished(_ index: Int) {
            let branch = branches[index]
            branch.observer.replay(to: observer)
            leftovers.adopt(branch.interpreter.leftovers)
            record(branch.raw)
            members[index] = branch.shown
            if branch.shown.status == .failed, firstFailure == nil { firstFailure = index }
            done += 1
            if done < branches.count { observer?.groupRunning(step, done: done, of: branches.count, since: started, of: procedure) }
        }
        // Called off at once, from the thread that saw the failure: no other step starts, and the
        // running ones are ended once the failed one is among the finished (it is reported first).
        let workers = ParallelWorkers(
            count: branches.count,
            job: { index in
                let branch = branches[index]
                branch.run(timedOut: timedOut)
                return !(failFast && branch.shown.status == .failed)
            },
            whenStopped: { cancel.raise() })
        if branches.count > 1, workers.start(width: group.max ?? Self.processorCount) {
            while let index = workers.nextFinished() { finished(index) }
            workers.join()
        } else {
            // One step, or no thread to be had: one after another, on this thread.
            for index in branches.indices where firstFailure == nil || !failFast {
                branches[index].run(timedOut: timedOut)
                finished(index)
            }
        }
        for (index, branch) in branches.enumerated() where !branch.ran {
            members[index] = skipped(group.steps[index], because: Self.notStartedMessage)
            report(members[index], of: group.steps[index])
        }
        if let firstFailure {
            let failed = members[firstFailure]
            let name = group.steps[firstFailure].id.map { "'\($0.value)'" } ?? "#\(failed.number)"
            result.status = .failed
            result.error = "step \(name) failed: \(failed.error ?? "failed")"
            result.cause = "step \(name) failed: \(failed.cause ?? "failed")"
            result.exitCode = failed.exitCode
        }
        result.attempts = 1
        result.members = members
        result.durationNanoseconds = Self.nanoseconds(since: started)
        return result
    }

    /// The processors this machine has online (at least one): how many steps of a parallel group
    /// run at once by default.
    static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// An interpreter for one step of a parallel group: the run's procedure, library, options,
    /// secrets, environment and helpers, the templates' names as they are now, and an observer
    /// that holds what the step reports until it is done.
    convenience init(branchOf parent: Interpreter, observer: BufferedObserver, cancelDescriptor: Int32) {
        self.init(procedure: parent.procedure, library: parent.library, observer: observer, options: parent.options, graph: parent.graph)
        share(parent)
        self.cancelDescriptor = cancelDescriptor
        (context, secrets, inheritedSecrets, depth) = (parent.context, parent.secrets, parent.inheritedSecrets, parent.depth)
        (environment, environmentOverlay) = (parent.environment, parent.environmentOverlay)
    }
}

/// One step of a parallel group and the interpreter that runs it on a worker thread. Only that
/// thread touches it until the step is done; then only the group's thread reads it.
final class ParallelBranch: @unchecked Sendable {
    let member: Step
    let interpreter: Interpreter
    /// Holds what the step reports (the interpreter's observer is weak).
    let observer: BufferedObserver
    /// The result as it came, for templates.
    private(set) var raw: StepResult
    /// The result as people and reports see it.
    private(set) var shown: StepResult
    /// Whether the step was started (`fail_fast` may keep it from starting).
    private(set) var ran = false

    init(member: Step, interpreter parent: Interpreter, cancelDescriptor: Int32) {
        self.member = member
        let observer = BufferedObserver()
        self.observer = observer
        interpreter = Interpreter(branchOf: parent, observer: observer, cancelDescriptor: cancelDescriptor)
        raw = StepResult(number: member.index + 1, id: member.id?.value, action: member.action.value, status: .skipped)
        shown = raw
    }

    /// Runs the step and tells the held observer it finished.
    /// A step ended by `fail_fast` counts as skipped, its error saying why.
    /// `timedOut` is what the step says when the deadline it runs under has passed.
    func run(timedOut: String) {
        if interpreter.isCancelled { return }
        ran = true
        raw = interpreter.attempt(member, timedOut: timedOut)
        shown = interpreter.shown(raw)
        if shown.status == .failed, shown.failureKind?.isCancellation == true { shown.status = .skipped }
        observer.stepFinished(shown, step: member, of: interpreter.procedure)
    }
}
