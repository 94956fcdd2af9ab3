import Glibc
import ProcrunLanguage
import ProcrunSystem
import ProcrunText

/// A parallel group as it runs: its steps side by side, at most `max` at once (the number of
/// processors by default), each on a thread of its own with a copy of the templates' names as
/// they were when the group started, and each a normal step (its own `when`, timeout, retries,
/// expectations, loop). What a step reports reaches the observer in one piece when it is done.
/// When one fails and `fail_fast` holds, steps not started yet are skipped and running commands
/// are ended (those steps count as skipped, their error saying why). The group's result is failed
/// when one of its steps failed, with that step's reason; its steps' results are
/// ``StepResult/members``, and later templates read them as `steps.ID` like any other.
struct ParallelGroupRun {
    /// The group's step.
    let step: Step
    /// The group.
    let group: ParallelGroup
    /// The run the group is a step of.
    let interpreter: Interpreter
    /// What the group's steps say when the deadline they run under has passed.
    let timedOut: String

    /// Runs the group; its result, with its steps' results as members.
    func run() -> StepResult {
        var result = StepResult(of: step, status: .success)
        let started = ContinuousClock.now
        if let when = step.when, !holds(when, &result) {
            result.members = group.steps.map { skipped($0) }
            for (member, skipped) in zip(group.steps, result.members) { report(skipped, of: member) }
            return result
        }
        interpreter.observer?.stepStarted(step, of: interpreter.procedure)
        let failFast = group.failsFast(isFinally: step.isFinally)
        let cancel = CancelSignal()
        let branches = group.steps.map { member in
            ParallelBranch(member: member, interpreter: interpreter, cancelDescriptor: failFast ? cancel.descriptor : interpreter.cancelDescriptor)
        }
        var members = group.steps.map { skipped($0) }
        let firstFailure = run(branches, failFast: failFast, cancel: cancel, started: started, members: &members)
        for (index, branch) in branches.enumerated() where !branch.ran {
            members[index] = skipped(group.steps[index], because: StepProblem.notStartedByGroup.described.message)
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
        result.durationNanoseconds = StepResult.nanoseconds(since: started)
        return result
    }

    /// Whether the group's `when` holds; when it does not, or cannot be evaluated, `result` says so.
    private func holds(_ when: Condition, _ result: inout StepResult) -> Bool {
        do throws(StepFailure) {
            if try interpreter.holds(when) { return true }
            result.status = .skipped
        } catch {
            result.fail(error)
        }
        return false
    }

    /// Runs the branches, on threads of their own when there are several; fills `members` with
    /// their results in the order they finish and returns the first failed one's index.
    private func run(
        _ branches: [ParallelBranch], failFast: Bool, cancel: CancelSignal, started: ContinuousClock.Instant, members: inout [StepResult]
    ) -> Int? {
        var firstFailure: Int?
        var done = 0
        // On this thread, in the order steps finish: what each reported, its leftovers, its result.
        func finished(_ index: Int) {
            let branch = branches[index]
            branch.observer.replay(to: interpreter.observer)
            interpreter.leftovers.adopt(branch.interpreter.leftovers)
            interpreter.record(branch.raw)
            members[index] = branch.shown
            if branch.shown.status == .failed, firstFailure == nil { firstFailure = index }
            done += 1
            if done < branches.count { interpreter.observer?.groupRunning(step, done: done, of: branches.count, since: started, of: interpreter.procedure) }
        }
        // Called off at once, from the thread that saw the failure: no other step starts, and the
        // running ones are ended once the failed one is among the finished (it is reported first).
        let timedOut = timedOut
        let workers = ParallelWorkers(
            count: branches.count,
            job: { index in
                let branch = branches[index]
                branch.run(timedOut: timedOut)
                return !(failFast && branch.shown.status == .failed)
            },
            whenStopped: { cancel.raise() })
        if branches.count > 1, workers.start(width: group.width) {
            while let index = workers.nextFinished() { finished(index) }
            workers.join()
        } else {
            // One step, or no thread to be had: one after another, on this thread.
            for index in branches.indices where firstFailure == nil || !failFast {
                branches[index].run(timedOut: timedOut)
                finished(index)
            }
        }
        return firstFailure
    }

    /// The result of a member that did not run, and why.
    private func skipped(_ member: Step, because reason: String? = nil) -> StepResult {
        var skipped = StepResult(of: member, status: .skipped)
        skipped.isFinally = member.isFinally
        skipped.group = member.group.map { $0 + 1 }
        skipped.error = reason
        return skipped
    }

    /// A member that never runs is skipped, for later templates and the observer alike.
    private func report(_ skipped: StepResult, of member: Step) {
        interpreter.record(skipped)
        interpreter.observer?.stepFinished(skipped, step: member, of: interpreter.procedure)
    }
}
