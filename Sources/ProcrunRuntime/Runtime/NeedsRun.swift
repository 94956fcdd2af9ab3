import ProcrunLanguage
import ProcrunSystem
import ProcrunText

/// The needs of a procedure (before step 1) or of a step (before it), as they run: each a call of
/// the needed procedure (``ProcedureCallRun``, which runs a need once per run through
/// ``NeedRegistry``), side by side as a parallel group's steps are, each on a thread of its own
/// with what it reports held until it is done, then handed to the observer in one piece.
struct NeedsRun {
    /// The needs, in file order.
    let needs: [Step]
    /// The run that needs them.
    let interpreter: Interpreter

    /// Runs every need to its end; their results, in file order.
    func run() -> [StepResult] {
        let branches = needs.map { ParallelBranch(member: $0, interpreter: interpreter, cancelDescriptor: interpreter.cancelDescriptor) }
        func finished(_ branch: ParallelBranch) {
            branch.observer.replay(to: interpreter.observer)
            interpreter.leftovers.adopt(branch.interpreter.leftovers)
        }
        let workers = ParallelWorkers(count: branches.count) { index in
            branches[index].run(timedOut: StepFailure.callTimedOut)
            return true
        }
        if branches.count > 1, workers.start(width: branches.count) {
            while let index = workers.nextFinished() { finished(branches[index]) }
            workers.join()
        } else {
            for branch in branches {
                branch.run(timedOut: StepFailure.callTimedOut)
                finished(branch)
            }
        }
        return branches.map(\.shown)
    }

    /// Why what needed `results` cannot run: the first need that failed (an interrupted one
    /// first), as the failure of what needed it; nil when every need succeeded.
    static func failure(in results: [StepResult]) -> StepFailure? {
        if results.contains(where: \.wasInterrupted) { return .interrupted }
        guard let failed = results.first(where: { $0.status != .success }) else { return nil }
        return StepFailure(StepProblem.needFailed(procedure: failed.calledProcedure ?? failed.action))
    }
}
