import ProcrunLanguage

extension Interpreter {
    /// A step with `needs:`: its needs first (side by side, each once per run), then the step
    /// itself when all of them succeeded; otherwise the step fails, naming the need that failed.
    /// The step's result holds the needs' results.
    func runNeeded(_ step: Step, timedOut: String) -> StepResult {
        let started = ContinuousClock.now
        let needs = NeedsRun(needs: step.needs, interpreter: self).run()
        var result: StepResult
        if let failure = NeedsRun.failure(in: needs) {
            result = StepResult(of: step, status: .failed)
            result.fail(failure)
            result.durationNanoseconds = StepResult.nanoseconds(since: started)
        } else {
            var alone = step
            alone.needs = []
            result = runStep(alone, timedOut: timedOut)
        }
        result.needs = needs + result.needs
        return result
    }
}
