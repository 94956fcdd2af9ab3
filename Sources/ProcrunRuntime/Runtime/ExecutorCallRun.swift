import ProcrunLanguage
import ProcrunSystem
import ProcrunText

/// A step whose action nothing else defines, as it runs: handed with its rendered parameters to
/// the calling program (for a library with ``Library/callerExecutes``) or to the library's executor.
struct ExecutorCallRun {
    /// The action's name.
    let name: String
    /// Its parameters, as written.
    let parameters: [(name: String, value: ParameterTree)]
    /// The step.
    let step: Step
    /// The run the step is a step of.
    let caller: Interpreter

    /// Performs the action; its outcome is the executor's.
    func run(into result: inout ActionResult) throws(StepFailure) {
        var rendered: [String: Value] = [:]
        for (parameter, tree) in parameters { rendered[parameter] = try caller.render(tree) }
        let sessions = caller.sessions
        sessions.lock()
        defer { sessions.unlock() }
        if let perform = sessions.callerExecutor {
            do {
                result.outcome = try perform(name, rendered)
            } catch {
                throw StepFailure(.executorFailed(action: name), shown: String(describing: error))
            }
            return
        }
        guard let command = caller.library.executor else { throw StepFailure(.noExecutor(action: name)) }
        let subject = "executor '\(command.displayName)'"
        let timeout = caller.timeLimit.map { min($0, command.timeout) } ?? command.timeout
        let reply: ExecutorReply
        do {
            let executor = try sessions.executor(command, environment: caller.environmentOverlay)
            let context: [String: Value] = ["procedure": .string(caller.procedure.name.value), "step": .string(step.displayName)]
            reply = try executor.perform(action: name, parameters: .mapping(rendered), context: context, timeout: timeout)
        } catch {
            if error.interrupted { throw StepFailure.interrupted }
            if error.kind == .broken { sessions.abandonExecutor(because: "it " + error.message) }
            throw StepFailure(.agentFailed(subject: subject, reason: error.message), quoting: error.detail)
        }
        result.outcome = reply.outcome
        if !reply.success {
            throw StepFailure(.agentReportedFailure(subject: subject), shown: reply.error)
        }
    }
}
