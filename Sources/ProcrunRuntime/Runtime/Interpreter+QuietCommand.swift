import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// Runs `call` as a `shell` step's command runs (the one process runner, shell safety, this
    /// interpreter's shell and variables), in `folder`, its output not streamed: what a variable's
    /// `{sh: ...}`, a precondition's `sh` and an up-to-date check's `status` run. With `failures`,
    /// a timeout and a command that could not start are named by them; an interruption, a
    /// template error and a refusal at the command pass as they are.
    func runQuietly(
        _ call: CommandCall, file: SourceFile?, directory: String, in folder: String, timeout: Duration?,
        failures: (timedOut: (String?) -> StepFailure, notRun: (String) -> StepFailure)? = nil
    ) throws(StepFailure) -> ActionResult {
        let saved = computingVariable
        computingVariable = true
        defer { computingVariable = saved }
        var result = ActionResult()
        do {
            try call.run(in: self, file: file, directory: directory, runsIn: folder, timeout: timeout, into: &result)
        } catch {
            guard let failures else { throw error }
            switch error.kind {
            case .timedOut: throw failures.timedOut(expiredTimeout(timeout)?.shortDescription)
            case .interrupted, .cancelled, .template: throw error
            default:
                // The command could not start (no such program) or the shell planner refused it.
                if error.diagnostic != nil { throw error }
                throw failures.notRun(error.message)
            }
        }
        return result
    }
}
