import ProcrunLanguage
import ProcrunSystem
import ProcrunText

extension StepLoopRun {
    /// Runs the entries of a matrix step side by side, at most `width` at once, each on a thread
    /// of its own with a copy of the templates' names (a ``ParallelBranch``), as a parallel
    /// group runs its steps: what an entry reports reaches the observer in one piece when it is
    /// done, and with `failFast` the first failure keeps the entries not started yet from starting
    /// and ends the running ones (those are skipped, their error saying why). The results are in
    /// the entries' order, whatever order they finished in. `isolated`: each in a folder of its
    /// own (``Interpreter/runEntry(_:names:isolated:)``).
    func runSideBySide(_ items: [Value], width: Int, failFast: Bool, isolated: Bool) -> [StepResult] {
        let cancel = CancelSignal()
        let branches = items.enumerated().map { index, item in
            ParallelBranch(
                member: step, interpreter: interpreter, cancelDescriptor: failFast ? cancel.descriptor : interpreter.cancelDescriptor,
                entry: [loop.name.value: item, "loop": Self.loopValue(index, of: items.count)], isolated: isolated)
        }
        var results = branches.map { _ in Self.skipped(step, because: .notStartedByMatrix) }
        var failed = false
        // On this thread, in the order entries finish: what each reported, its leftovers, its result.
        func finished(_ index: Int) {
            let branch = branches[index]
            branch.observer.replay(to: interpreter.observer)
            interpreter.leftovers.adopt(branch.interpreter.leftovers)
            results[index] = branch.raw
            if branch.raw.failureKind?.isCancellation == true {
                results[index] = Self.skipped(step, because: .cancelledByMatrix)
            } else if branch.raw.status == .failed {
                failed = true
            }
        }
        let workers = ParallelWorkers(
            count: branches.count,
            job: { index in
                let branch = branches[index]
                branch.run(timedOut: StepFailure.callTimedOut)
                return !(failFast && branch.raw.status == .failed)
            },
            whenStopped: { cancel.raise() })
        if workers.start(width: width) {
            while let index = workers.nextFinished() { finished(index) }
            workers.join()
        } else {
            // No thread to be had: one after another, on this thread.
            for index in branches.indices where !(failed && failFast) {
                branches[index].run(timedOut: StepFailure.callTimedOut)
                finished(index)
            }
        }
        return results
    }

    /// The result of an entry that did not run to its end, and why.
    private static func skipped(_ step: Step, because reason: StepProblem) -> StepResult {
        var skipped = StepResult(of: step, status: .skipped)
        skipped.error = reason.described.message
        return skipped
    }
}
