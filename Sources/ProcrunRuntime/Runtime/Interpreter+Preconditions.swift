import ProcrunLanguage
import ProcrunSystem
import ProcrunText

extension Interpreter {
    /// The first of `preconditions` that does not hold, checked in order (the declared variables
    /// they read computed first): why it fails what it guards (at the entry: `precondition not
    /// met: MESSAGE`), and the standard error of its command; nil when every one holds. A dry run
    /// checks none (it shows them).
    func unmetPrecondition(of preconditions: [Precondition]) -> (failure: StepFailure, stderr: String)? {
        if options.dryRun { return nil }
        if !declaredVariables.isEmpty, let failure = computeVariables(Variable.names(readBy: preconditions.flatMap(\.expressions))) { return (failure, "") }
        for precondition in preconditions {
            var stderr = ""
            do throws(StepFailure) {
                if try holds(precondition, stderr: &stderr) { continue }
                return (try unmet(precondition), stderr)
            } catch {
                return (error, stderr)
            }
        }
        return nil
    }

    /// The procedure's preconditions, checked before anything of it runs (its needs, step 1): nil
    /// when they hold, else the result that reports the first unmet one (number 0, action
    /// `precondition`), as people and reports see it.
    func unmetProcedurePrecondition() -> StepResult? {
        let started = ContinuousClock.now
        var result = StepResult(number: 0, id: nil, action: "precondition", status: .failed)
        guard let unmet = unmetPrecondition(of: procedure.preconditions) else { return nil }
        result.fail(unmet.failure)
        result.stderr = unmet.stderr
        result.error = result.error.map(redactError)
        result.cause = result.cause.map(redactError)
        result.durationNanoseconds = StepResult.nanoseconds(since: started)
        return secrets.isEmpty ? result : result.hiding(secrets)
    }

    /// Whether `precondition` holds now: its expression evaluated as a `when` is, or its command
    /// run as a `shell` step's command (the shell, folder and environment of the procedure,
    /// bounded by the default timeout, its output not streamed) and exiting with 0, its standard
    /// error left in `stderr`.
    private func holds(_ precondition: Precondition, stderr: inout String) throws(StepFailure) -> Bool {
        guard case .command(let call) = precondition.test else {
            guard case .that(let condition) = precondition.test else { return true }
            return try holds(condition, notBoolean: .preconditionNotBoolean)
        }
        let result = try runQuietly(
            call, file: procedure.file, directory: directory, in: commandDirectory, timeout: timeLeft(limit(nil)),
            failures: (timedOut: { StepFailure(.preconditionTimedOut(limit: $0)) }, notRun: { StepFailure(.preconditionNotRun(reason: $0)) }))
        stderr = result.stderr
        return result.exitCode == 0
    }

    /// The failure of an unmet `precondition`, at its entry: its message rendered, else its
    /// expression or command as written.
    private func unmet(_ precondition: Precondition) throws(StepFailure) -> StepFailure {
        var message = precondition.text
        if let field = precondition.message { message = try string(field) }
        let (kind, text) = StepProblem.preconditionUnmet(message: message).described
        return StepFailure(kind, Diagnostic.error(.preconditionNotMet, text, in: procedure.file, at: precondition.location))
    }
}
