package import ProcrunText

/// Every reason a step fails at run time that procrun words itself, with the data its message
/// needs: ``described`` writes all of them and picks each one's ``StepFailure/Kind``, in one place,
/// as ``LanguageProblem`` does for what a file says. A failure that carries another layer's message
/// (a template's, a process's, an executor's, the shell planner's) keeps that layer's words.
///
/// Messages never quote a step's output: what a failure quotes from it is the failure's `quoting`
/// text, which people see and the stats block never keeps (``StepFailure/message``).
package enum StepProblem: Sendable {
    // MARK: Expectations (`expect`, and each action's default)

    /// An exit code outside `accepted`.
    case exitCode(accepted: [Int], got: Int)
    /// An HTTP status outside `accepted`.
    case httpStatus(accepted: [Int], got: Int)
    /// An HTTP status outside 200-299, when `expect` names none.
    case httpStatusNotSuccess(got: Int)
    /// An outcome without `text` (`contains`).
    case outcomeLacks(text: String)
    /// An outcome with `text` (`not_contains`).
    case outcomeHas(text: String)
    /// An outcome that does not match `pattern` (`matches`).
    case outcomeMismatch(pattern: String)
    /// An outcome that is not `text` (`equals`).
    case outcomeDiffers(text: String)
    /// Standard error without `text` (`stderr_contains`).
    case standardErrorLacks(text: String)

    // MARK: Assertions

    /// An `assert` condition that is false, with no `message`.
    case assertionFalse(condition: String)
    /// An `assert` condition that is not true or false.
    case assertionNotBoolean(condition: String, type: ValueType)
    /// A `when` condition that is not true or false.
    case whenNotBoolean
    /// A `fail` step with no `message`.
    case failed
    /// A step's own message (`fail`, `assert`).
    case stated(String)

    // MARK: Values given at run time

    /// A duration parameter that is not a duration.
    case duration(parameter: String, found: String)
    /// A port outside 1-65535.
    case port(found: String)
    /// A templated `shell` whose text is not a program and its flags.
    case shellNotWords(found: String)
    /// A `write_file` path outside the library folder, without `outside_library: true`.
    case writeOutsideLibrary(path: String, library: String)
    /// A `write_file` path naming one of the library's own files (`what` it is), without
    /// `library_files: true`.
    case writeLibraryFile(path: String, what: String)

    // MARK: Time and cancellation

    /// The step's own `timeout` (or a calling step's, named by `limit`) ran out.
    case timedOut(limit: String?)
    /// `wait_for`'s time ran out; `reason` is why the last try failed, in procrun's words.
    case waitTimedOut(limit: String?, awaited: String, reason: String?)
    /// A calling step's `timeout` ran out.
    case callerTimedOut
    /// Another step of the parallel group failed (`fail_fast`).
    case cancelledByGroup
    /// Another step of the parallel group failed before this one started (`fail_fast`).
    case notStartedByGroup

    // MARK: Actions, agents and calls

    /// An `https` request without curl on the machine.
    case httpsNeedsCurl(reason: String)
    /// curl ended with `exitCode`.
    case curlFailed(exitCode: Int32)
    /// An `mcp` step naming a server the library does not declare.
    case unknownMCPServer(name: String)
    /// An MCP server, or the executor (`subject`), that could not answer: `reason`.
    case agentFailed(subject: String, reason: String)
    /// The executor (`subject`) answered that the action failed.
    case agentReportedFailure(subject: String)
    /// An MCP tool that answered with an error.
    case toolError(tool: String, subject: String)
    /// An action left to the executor when none is configured.
    case noExecutor(action: String)
    /// The executor failed the action without saying why.
    case executorFailed(action: String)
    /// A procedure call where no library was loaded.
    case noLibrary(reference: String)
    /// A parallel group asked to run as one action.
    case groupIsNotAction
    /// An entry of a matrix run side by side that was not started: another one failed (`fail_fast`).
    case notStartedByMatrix
    /// An entry of a matrix run side by side that was ended: another one failed (`fail_fast`).
    case cancelledByMatrix
    /// The folder of an entry of a matrix with `isolate: true` could not be made: `source` could
    /// not be copied, for `reason`.
    case entryFolderNotMade(source: String, reason: String)

    // MARK: Variables (`vars: {NAME: {sh: ...}}`)

    /// A variable's command that exited with `exitCode`, not 0.
    case variableExited(name: String, exitCode: Int)
    /// A variable's command that ran longer than `limit`.
    case variableTimedOut(name: String, limit: String?)
    /// A variable's command that could not be run (`reason`: the process's words).
    case variableNotRun(name: String, reason: String)

    // MARK: Preconditions

    /// A precondition that did not hold: its message, else its expression or command as written.
    case preconditionUnmet(message: String)
    /// A precondition's expression that gave something else than true or false.
    case preconditionNotBoolean
    /// A precondition's command that ran longer than `limit`.
    case preconditionTimedOut(limit: String?)
    /// A precondition's command that could not be run (`reason`: the process's words).
    case preconditionNotRun(reason: String)

    // MARK: Needs

    /// A need of the procedure or step failed, so it did not run.
    case needFailed(procedure: String)
    /// A need that an earlier need of the same procedure with the same inputs ran, and failed.
    case needFailedEarlier(procedure: String)
    /// A need that waits, through templated calls, for a need of itself still running.
    case needCycle(chain: [String])

    // MARK: Up-to-date checks

    /// A templated glob of `sources` or `generates` that renders to no glob.
    case badGlob(pattern: String, problem: Glob.Syntax)

    /// The failure's kind and its message.
    package var described: (kind: StepFailure.Kind, message: String) {
        switch self {
        case .exitCode(let accepted, let got): (.expectation, "expected exit code \(Expectation.list(accepted)), got \(got)")
        case .httpStatus(let accepted, let got): (.expectation, "expected HTTP status \(Expectation.list(accepted)), got \(got)")
        case .httpStatusNotSuccess(let got): (.expectation, "expected an HTTP status from 200 to 299, got \(got)")
        case .outcomeLacks(let text): (.expectation, "expected the outcome to contain \(Expectation.quoted(text))")
        case .outcomeHas(let text): (.expectation, "expected the outcome not to contain \(Expectation.quoted(text))")
        case .outcomeMismatch(let pattern): (.expectation, "expected the outcome to match /\(pattern)/")
        case .outcomeDiffers(let text): (.expectation, "expected the outcome to equal \(Expectation.quoted(text))")
        case .standardErrorLacks(let text): (.expectation, "expected standard error to contain \(Expectation.quoted(text))")
        case .assertionFalse(let condition): (.assertion, "assertion failed: \(condition)")
        case .assertionNotBoolean(let condition, let type): (.template, "assertion '\(condition)' is \(type.nameWithArticle), not true or false")
        case .whenNotBoolean: (.template, "the 'when' condition is not true or false")
        case .failed: (.assertion, "failed")
        case .stated(let message): (.assertion, message)
        case .duration(let parameter, let found): (.action, "expected a duration such as 500ms or 2s for '\(parameter)', found '\(found)'")
        case .port(let found): (.action, "expected a port from 1 to 65535 for 'port', found '\(found)'")
        case .shellNotWords(let found): (.action, "expected a program and its flags for parameter 'shell', found '\(found)'")
        case .writeOutsideLibrary(let path, let library):
            (.action, "write_file path '\(path)' is outside the library folder '\(library)'; write inside it, or add outside_library: true to the step's parameters")
        case .writeLibraryFile(let path, let what):
            (.action, "write_file path '\(path)' is \(what), which a step does not overwrite; write elsewhere, or add library_files: true to the step's parameters")
        case .timedOut(let limit): (.timedOut, "timed out after \(limit ?? "its timeout")")
        case .waitTimedOut(let limit, let awaited, let reason):
            (.timedOut, "timed out after \(limit ?? "its timeout") waiting for \(awaited)" + (reason.map { $0.isEmpty ? "" : ": " + $0 } ?? ""))
        case .callerTimedOut: (.timedOut, "timed out: the timeout of the step that called this procedure ran out")
        case .cancelledByGroup: (.cancelled, "ended early: another step of its parallel group failed (fail_fast)")
        case .notStartedByGroup: (.cancelled, "not started: another step of its parallel group failed (fail_fast)")
        case .httpsNeedsCurl(let reason): (.action, "https needs curl: \(reason)")
        case .curlFailed(let exitCode): (.action, "curl failed (exit \(exitCode))")
        case .unknownMCPServer(let name): (.agent, "unknown MCP server '\(name)'")
        case .agentFailed(let subject, let reason): (.agent, "\(subject) \(reason)")
        case .agentReportedFailure(let subject): (.agent, "\(subject) reported a failure")
        case .toolError(let tool, let subject): (.agent, "tool '\(tool)' on \(subject) reported an error")
        case .noExecutor(let action): (.agent, "no executor is configured for action '\(action)'")
        case .executorFailed(let action): (.agent, "action '\(action)' failed")
        case .noLibrary(let reference): (.call, "procedure '\(reference)' cannot be called here: no library was loaded")
        case .groupIsNotAction: (.action, "a parallel group is not an action")
        case .notStartedByMatrix: (.cancelled, "not started: another entry of its matrix failed (fail_fast)")
        case .cancelledByMatrix: (.cancelled, "ended early: another entry of its matrix failed (fail_fast)")
        case .entryFolderNotMade(let source, let reason): (.action, "cannot give this entry its own copy of '\(source)' (isolate): \(reason.lowercased())")
        case .variableExited(let name, let exitCode): (.action, "variable '\(name)': its command exited with code \(exitCode)")
        case .variableTimedOut(let name, let limit): (.timedOut, "variable '\(name)': its command timed out after \(limit ?? "its timeout")")
        case .badGlob(let pattern, let problem): (.template, LanguageProblem.badGlob(pattern: pattern, problem: problem).described.message)
        case .variableNotRun(let name, let reason): (.action, "variable '\(name)': its command could not run: \(reason)")
        case .preconditionUnmet(let message): (.assertion, "precondition not met: \(message)")
        case .preconditionNotBoolean: (.template, "the precondition is not true or false")
        case .preconditionTimedOut(let limit): (.timedOut, "the precondition's command timed out after \(limit ?? "its timeout")")
        case .preconditionNotRun(let reason): (.action, "the precondition's command could not run: \(reason)")
        case .needFailed(let procedure): (.call, "need '\(procedure)' failed")
        case .needFailedEarlier(let procedure): (.call, "need '\(procedure)' failed earlier in this run (reported there)")
        case .needCycle(let chain): (.call, "procedure dependency cycle: \(chain.joined(separator: " › ")); a procedure may not need itself, directly or through others")
        }
    }
}
