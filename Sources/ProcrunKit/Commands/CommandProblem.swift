import ProcrunText

/// Every problem the commands report about what they were given or what happened (the command
/// line, a run's reports, a recording, a merge), with the data its message needs: ``described``
/// writes all of the commands' messages and picks their ids. What the lower layers find is
/// theirs to say (``LanguageProblem``, ``LibraryProblem``, ``LearningProblem``, ...).
package enum CommandProblem: DiagnosticMessage {
    /// A file operation (a write, a move, a folder created) that the system refused: its reason.
    case fileOperation(reason: String)

    // MARK: The command line

    /// An argument that is not UTF-8: as shown (bytes escaped), and its first bad byte in hex.
    case notUTF8(argument: String, byte: String)
    /// A first word that is no command and no procedure, near the command `near`.
    case mistypedCommand(word: String, near: String)
    /// `procrun mcp` without the `procrun-mcp` program.
    case serverProgramMissing(reason: String)
    /// Two options that cannot be given together.
    case exclusiveOptions(String, String)
    /// `--learn` and `--no-learn` together.
    case learnContradiction
    /// A descriptor option (`--events-fd`) naming a descriptor procrun was not started with.
    case descriptorNotOpen(option: String, Int32)
    /// A descriptor option given standard input, output or error (0 to 2), which carry the run's
    /// own input, report and messages.
    case descriptorStandard(option: String, Int32)
    /// A `--set` that is not `NAME=VALUE`.
    case setNotAssignment(String)
    /// A command line the parser refused (an unknown option, a missing value), with its message.
    case commandLineRefused(message: String)
    /// An empty answer at the prompt for a required input.
    case answerRequired(input: String)
    /// An option that works on one procedure, given with `count` of them.
    case oneProcedureOnly(option: String, count: Int)
    /// An input (from `--set`: `fromSet`, or `--inputs`) that none of several procedures declares.
    case inputOfNone(input: String, procedures: [String], hint: String, fromSet: Bool)
    /// An `--adapt` that is not `ACTION.PARAM=VALUE`.
    case adaptNotAssignment(String)
    /// A duration option (`--timeout`) whose value is not a duration.
    case notDuration(option: String, text: String)
    /// An `--inputs` file that cannot be read.
    case inputsUnreadable(reason: String)
    /// An `--inputs` file that is not a JSON object.
    case inputsNotObject(path: String)
    /// A `--limit` below 1.
    case limitTooLow(Int)
    /// A `--threshold` outside (0, 1].
    case thresholdOutOfRange(Double)
    /// A file of the library that is not a procedure, left out of a search (a warning).
    case notAProcedure
    /// A task description with no words.
    case noSearchWords(query: String)
    /// `record` without `--description`.
    case descriptionRequired
    /// A `--secret` naming no variable that is set.
    case secretNotSet(name: String)

    // MARK: Running

    /// `--resume` without the secret inputs the earlier run had, which are never kept.
    case secretInputsNotKept([String])
    /// A run that could not be kept for `--resume` (a warning).
    case runNotKept(reason: String)
    /// The stats of a run that could not be saved, and why (a warning; the reason keeps its id).
    case statsNotSaved(Diagnostic)
    /// A JUnit report that could not be written.
    case junitNotWritten(reason: String)

    // MARK: Recording

    /// An action log that cannot be read.
    case logUnreadable(reason: String)
    /// An action log that is not UTF-8.
    case logNotUTF8(path: String)
    /// An action of a log that the library does not run; `known` are those it runs.
    case logUnknownAction(action: String, known: [String])
    /// A recording that would not pass `procrun check` (its problems printed before), not saved to `path`.
    case recordingInvalid(path: String)
    /// A replay that failed, and why.
    case verificationFailed(reason: String)
    /// A `cd` at the prompt to no folder.
    case notAFolder(argument: String)
    /// `:undo` with nothing recorded.
    case nothingToUndo
    /// `:note` or `:expect` without text.
    case controlNeedsText(command: String)
    /// A `:` command that does not exist; `known` are those that do.
    case unknownControl(command: String, known: [String])
    /// What another layer says of a line typed at the prompt (a value named twice, a command that
    /// cannot run): its message is that layer's.
    case promptReply(String)

    // MARK: new, merge

    /// A file at the path `new` would write.
    case fileExists(path: String)
    /// A procedure of that name elsewhere in the library.
    case nameTaken(name: String, path: String)
    /// `merge` given no procedure to merge.
    case nothingToMerge(keep: String)
    /// A procedure to merge that does not parse.
    case mergeUnreadable(name: String, path: String)
    /// The procedure kept named among those merged into it.
    case mergeIntoItself(name: String)
    /// A procedure named twice.
    case namedTwice(name: String)
    /// A procedure to keep that is itself superseded.
    case keptSuperseded(keep: String, by: String)
    /// A procedure that does the opposite of the one kept (`theirs` against `mine`).
    case opposites(target: String, keep: String, theirs: String, mine: String)

    package var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .fileOperation(let reason): (.fileOperation, reason)

        case .notUTF8(let argument, let byte): (.invalidEncoding, "expected UTF-8 in argument '\(argument)', found byte 0x\(byte)")
        case .mistypedCommand(let word, let near): (.unknownCommand, "'\(word)' is neither a command nor a procedure of the library; did you mean 'procrun \(near)'?")
        case .serverProgramMissing(let reason): (.programNotFound, "procrun mcp needs the procrun-mcp program beside procrun or in PATH: \(reason)")
        case .exclusiveOptions(let first, let second): (.conflictingOptions, "\(first) and \(second) cannot be used together")
        case .learnContradiction: (.conflictingOptions, "--learn and --no-learn contradict each other; give one")
        case .descriptorNotOpen(let option, let descriptor): (.invalidArgument, "\(option) \(descriptor): descriptor \(descriptor) is not open; give one procrun was started with")
        case .descriptorStandard(let option, let descriptor):
            (.invalidArgument, "\(option) \(descriptor): expected a descriptor of 3 or more; 0, 1 and 2 carry the run's input, report and messages")
        case .setNotAssignment(let text): (.invalidArgument, "--set '\(text)': expected NAME=VALUE")
        case .commandLineRefused(let message): (.invalidArgument, message.prefix(1).lowercased() + message.dropFirst())
        case .answerRequired(let input): (.invalidInput, "input '\(input)' is required; type its value (Ctrl-D stops asking)")
        case .oneProcedureOnly(let option, let count): (.conflictingOptions, "\(option) works on one procedure, found \(count); run them one at a time")
        case .inputOfNone(let input, let procedures, let hint, let fromSet):
            (
                .invalidInput,
                (fromSet ? "--set \(input): " : "") + "none of the procedures \(procedures.map { "'\($0)'" }.joined(separator: ", ")) has an input '\(input.excerpt(40))'\(hint)"
            )
        case .adaptNotAssignment(let text): (.invalidAdaptation, "--adapt '\(text)': expected ACTION.PARAM=VALUE")
        case .notDuration(let option, let text): (.expectedDuration, "\(option) '\(text)': expected a duration such as 500ms, 30s or 5m")
        case .inputsUnreadable(let reason): (.unreadableFile, "--inputs: \(reason)")
        case .inputsNotObject(let path): (.invalidArgument, "--inputs \(path): expected a JSON object of input values, such as {\"tag\": \"v2\"}")
        case .limitTooLow(let limit): (.outOfRange, "--limit must be at least 1, found \(limit)")
        case .thresholdOutOfRange(let threshold): (.outOfRange, "--threshold must be above 0 and at most 1, found \(threshold)")
        case .notAProcedure: (.expectedMapping, "not a procedure file (not a YAML mapping); left out")
        case .noSearchWords(let query):
            (.emptyValue, "the task description '\(query.excerpt(40))' has no words to search for; describe the task, for example \"deploy the backend service\"")
        case .descriptionRequired: (.missingArgument, "--description is required: say what the procedure does and when to use it")
        case .secretNotSet(let name): (.invalidArgument, "--secret \(name): no environment variable of that name is set")

        case .secretInputsNotKept(let names):
            (
                .cannotResume,
                "--resume: the secret input\(names.count == 1 ? "" : "s") \(names.map { "'\($0)'" }.joined(separator: ", ")) of the earlier run \(names.count == 1 ? "is" : "are") not kept; give \(names.count == 1 ? "it" : "them") again with --set"
            )
        case .runNotKept(let reason): (.runNotKept, "this run could not be kept for --resume: \(reason)")
        case .statsNotSaved(let reason): (reason.id, "the stats of this run could not be saved: " + reason.message)
        case .junitNotWritten(let reason): (.fileOperation, "the JUnit report could not be written: \(reason)")

        case .logUnreadable(let reason): (.unreadableFile, reason)
        case .logNotUTF8(let path): (.invalidEncoding, "'\(path)' is not UTF-8 text")
        case .logUnknownAction(let action, let known):
            (.unknownAction, "unknown action '\(action)'\(Suggestion.hint(for: action, in: known)); define it in \(Library.configName)")
        case .recordingInvalid(let path):
            (
                .recordingInvalid,
                "nothing was saved: the recorded procedure would not pass 'procrun check' (the problems above are in the text that would have been written to \(path))"
            )
        case .verificationFailed(let reason): (.verificationFailed, "verification failed: \(reason); nothing was saved")
        case .notAFolder(let argument): (.invalidAnswer, "cd: '\(argument)' is not a folder")
        case .nothingToUndo: (.invalidAnswer, "nothing to undo")
        case .controlNeedsText(let command):
            (.invalidAnswer, "\(command) needs text, for example '\(command) \(command == ":note" ? "run this on the build host" : "passed")'")
        case .unknownControl(let command, let known): (.invalidAnswer, "unknown command '\(command)'\(Suggestion.hint(for: command, in: known)); :help lists them")
        case .promptReply(let message): (.invalidAnswer, message)

        case .fileExists(let path): (.procedureExists, "\(path) already exists; nothing was written: choose another name")
        case .nameTaken(let name, let path): (.procedureExists, "a procedure named '\(name)' already exists at \(path); nothing was written: choose another name")
        case .nothingToMerge(let keep): (.missingArgument, "name at least one procedure to merge into '\(keep)'")
        case .mergeUnreadable(let name, let path): (.invalidMerge, "'\(name)' (\(path)) does not parse; run procrun check \(path)")
        case .mergeIntoItself(let name): (.invalidMerge, "'\(name)' is the procedure kept; it cannot also be merged into itself")
        case .namedTwice(let name): (.invalidMerge, "'\(name)' is named twice")
        case .keptSuperseded(let keep, let by): (.invalidMerge, "'\(keep)' is itself superseded by '\(by)'; merge into '\(by)' instead")
        case .opposites(let target, let keep, let theirs, let mine):
            (.invalidMerge, "'\(target)' does the opposite of '\(keep)' ('\(theirs)' against '\(mine)'): they are not duplicates; give --force to merge them anyway")
        }
    }
}
