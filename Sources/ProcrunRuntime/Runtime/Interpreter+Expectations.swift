import ProcrunLanguage

extension Interpreter {
    /// Checks a successful attempt against the step's expectations; returns why it fails, or nil.
    func check(_ step: Step, _ output: borrowing ActionResult) -> StepFailure? {
        let failure: StepFailure?
        switch step.call {
        case .builtin(let action): failure = action.expectationFailure(of: output, step.expect)
        case .library: failure = ShellAction.exitCodeFailure(of: output, step.expect)
        case .procedure, .external, .parallel: failure = nil
        }
        if failure != nil { return failure }
        // Most steps set no expectation beyond the exit code or status checked above.
        if step.hasDefaultSettings { return nil }
        return step.expect.failure(of: output, in: self)
    }
}
