import ProcrunText

/// Every problem of recording a procedure (an action log read by ``ActionLog``, the file
/// ``ProcedureStore`` would write, the actions and inputs an agent records through ``AgentRecorder``), with the
/// data its message needs: ``described`` writes all of these messages and picks their ids.
enum RecordingProblem: DiagnosticMessage, Error {
    /// A file operation (a write, a move, a folder created) that the system refused: its reason.
    case fileOperation(reason: String)

    // MARK: Action logs

    /// A line that is not JSON.
    case logNotJSON(reason: String)
    /// A line that is not a JSON object (`found` its kind).
    case logNotObject(found: String)
    /// An `action` that is not a name (`found` as JSON).
    case logActionName(found: String)
    /// A line without `action`.
    case logMissingAction
    /// `parameters` that are not an object.
    case logParameters(found: String)
    /// A `status` that is no status word (`found` as JSON).
    case logStatus(found: String)
    /// A `duration_ms` that is not a number of milliseconds.
    case logDuration(found: String)
    /// An `exit_code` that is not an integer from 0 to 255.
    case logExitCode(found: String)
    /// A `stderr` that is not text.
    case logStderr(found: String)

    // MARK: Answers at the prompt

    /// A note or an expectation (`what`) with no successful step to attach it to.
    case noStepToAttach(what: String)
    /// An expectation the output of step `step` does not meet.
    case expectationNotInOutput(step: Int, text: String)
    /// An answer item that is not `NAME=N`.
    case answerNotAssignment(found: String)
    /// An answer's name that is not an input name.
    case answerName(found: String)
    /// An answer's number that names none of the `count` values.
    case answerNumber(count: Int, found: String, name: String)
    /// An answer's name already used.
    case answerNameUsed(name: String)
    /// A value given two names.
    case answerValueTwice(number: Int, first: String, second: String)
    /// A value the shell-safety rules keep literal in a step, and why (a warning).
    case valueLeftLiteral(value: String, step: String, reason: String)

    // MARK: The file a recording writes

    /// A name to save under that is not a name.
    case procedureName(found: String)
    /// A procedure of the same name at `other`, elsewhere than `target`.
    case existsElsewhere(name: String, other: String, target: String)
    /// A procedure file at `target` already, whose next version would be `nextVersion`.
    case exists(name: String, target: String, nextVersion: Int)
    /// A draft without steps.
    case draftEmpty
    /// A procedure of the draft's name in the library already, at `path`.
    case nameTaken(name: String, path: String)
    /// A file at the draft's path already.
    case pathTaken(path: String)
    /// A draft that does not check: its problems, rendered.
    case draftInvalid(problems: String)
    /// A list of actions none of which succeeded (`recorded` of them).
    case noStepSucceeded(recorded: Int, logs: Int = 1)

    // MARK: Inputs an agent declares

    /// A declaration that is not an object (`found` its kind).
    case inputNotObject(name: String, found: String)
    /// A declaration's key that is none of `known`.
    case inputKey(name: String, key: String, known: [String])
    /// A declaration's `key` that is not text.
    case inputText(name: String, key: String, found: String)
    /// A declaration's `key` that is not a boolean.
    case inputFlag(name: String, key: String, found: String)

    var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .fileOperation(let reason): (.fileOperation, reason)

        case .logNotJSON(let reason): (.invalidActionLog, "invalid JSON: \(reason)")
        case .logNotObject(let found): (.invalidActionLog, "expected a JSON object for an action, found \(found)")
        case .logActionName(let found):
            (.invalidActionLog, "expected an action name of letters, digits, '_' and '-' starting with a letter for 'action', found \(found.excerpt(40))")
        case .logMissingAction: (.invalidActionLog, "missing required member 'action'")
        case .logParameters(let found): (.invalidActionLog, "expected an object for 'parameters', found \(found)")
        case .logStatus(let found):
            (
                .invalidActionLog,
                "expected 'success', 'failed' or 'skipped' for 'status', found \(found.excerpt(40))\(Suggestion.hint(for: found.excerpt(40), in: ["success", "failed", "skipped"]))"
            )
        case .logDuration(let found): (.invalidActionLog, "expected a number of milliseconds (0 or more) for 'duration_ms', found \(found.excerpt(40))")
        case .logExitCode(let found): (.invalidActionLog, "expected an integer from 0 to 255 for 'exit_code', found \(found.excerpt(40))")
        case .logStderr(let found): (.invalidActionLog, "expected text for 'stderr', found \(found)")

        case .noStepToAttach(let what): (.invalidAnswer, "no successful step yet to attach \(what) to")
        case .expectationNotInOutput(let step, let text): (.invalidAnswer, "step \(step)'s output does not contain '\(text)'; the expectation would fail on replay")
        case .answerNotAssignment(let found): (.invalidAnswer, "expected NAME=N, found '\(found.excerpt(40))'")
        case .answerName(let found): (.invalidAnswer, "expected an input name of letters, digits and '_' starting with a letter, found '\(found.excerpt(40))'")
        case .answerNumber(let count, let found, let name): (.invalidAnswer, "expected the number of a value, 1 to \(count), found '\(found.excerpt(20))' for \(name)")
        case .answerNameUsed(let name): (.invalidAnswer, "the name '\(name)' is already used; choose another")
        case .answerValueTwice(let number, let first, let second): (.invalidAnswer, "value \(number) is named twice ('\(first)' and '\(second)')")
        case .valueLeftLiteral(let value, let step, let reason): (.valueLeftLiteral, "'\(value.excerpt(40))' is left literal in step \(step): \(reason)")

        case .procedureName(let found): (.invalidName, "expected a procedure name of letters, digits, '_' and '-' starting with a letter, found '\(found.excerpt(40))'")
        case .existsElsewhere(let name, let other, let target):
            (
                .procedureExists,
                "a procedure named '\(name)' already exists at \(other); nothing was written: choose another name, or pass --force to save \(target) beside it"
            )
        case .exists(let name, let target, let nextVersion):
            (
                .procedureExists,
                "procedure '\(name)' already exists at \(target); nothing was overwritten: choose another name, pass --force to replace it, or --new-version to save it as version \(nextVersion)"
            )
        case .draftEmpty: (.emptyValue, "a procedure needs at least one step; the draft has none")
        case .nameTaken(let name, let path): (.procedureExists, "a procedure named '\(name)' already exists (\(path)); choose another name")
        case .pathTaken(let path): (.procedureExists, "'\(path)' already exists; choose another name")
        case .draftInvalid(let problems): (.recordingInvalid, "the recorded procedure does not check:\n" + problems)
        case .noStepSucceeded(let recorded, let logs):
            (.nothingRecorded, "no step succeeded " + (logs > 1 ? "in any of the \(logs) logs" : "(\(recorded) recorded)") + "; nothing was saved")

        case .inputNotObject(let name, let found):
            (.expectedMapping, "expected an object of type, default, required and description for input '\(name)', found \(found)")
        case .inputKey(let name, let key, let known):
            (.unknownKey, "unknown key '\(key.excerpt(40))' in input '\(name)'" + Self.orHint(Suggestion.hint(for: key, in: known), "; expected type, default, required or description"))
        case .inputText(let name, let key, let found): (.expectedString, "expected a string for '\(key)' of input '\(name)', found \(found)")
        case .inputFlag(let name, let key, let found): (.expectedBoolean, "expected true or false for '\(key)' of input '\(name)', found \(found)")
        }
    }

    /// `hint` when there is one, else `otherwise`.
    private static func orHint(_ hint: String, _ otherwise: String) -> String {
        hint.isEmpty ? otherwise : hint
    }
}
