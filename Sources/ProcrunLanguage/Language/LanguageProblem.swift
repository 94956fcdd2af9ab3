package import ProcrunText

/// Every problem the language layer reports about what a file says (a procedure read by
/// ``ProcedureLoader`` and checked by ``ProcedureChecker``, the calls of a ``CallGraph``,
/// `procrun.yaml`, `.env` files, a `stats` block, the inputs ``InputBinder`` is given), with the
/// data its message needs: ``described`` writes all of the layer's messages and picks their ids,
/// and the notes' texts follow it. Where a file or a reference leads is ``LibraryProblem``'s.
///
/// `what` in a case names the value read as messages name it (`'name'`, `the stats of step 'x'`).
package enum LanguageProblem: DiagnosticMessage {
    // MARK: Values of the wrong kind (``NodeReader``)

    /// Not a mapping; `found` says what it is.
    case expectedMapping(what: String, found: String)
    /// A key the mapping does not take, and the keys it takes (for "did you mean").
    case unknownKey(key: String, in: String, known: [String])
    /// Not a list.
    case expectedList(what: String, found: String)
    /// Not a string.
    case expectedString(what: String, found: String)
    /// A string that is not a name (`found` as written).
    case expectedName(what: String, found: String)
    /// Not an integer.
    case expectedInteger(what: String, found: String)
    /// A number outside `range`.
    case outOfRange(what: String, range: ClosedRange<Int>, found: Int)
    /// Not a number.
    case expectedNumber(what: String, found: String)
    /// YAML 1.1's other spelling of `meant` (`yes`, `off`).
    case booleanSpelling(what: String, found: String, meant: Bool)
    /// Not `true` or `false`.
    case expectedBoolean(what: String, found: String)
    /// Not a duration.
    case expectedDuration(what: String, found: String)
    /// A key the mapping `in` needs.
    case missingKey(key: String, in: String)
    /// A name of a `kind` of thing (output, input, action, MCP server) that is not a name.
    case invalidName(kind: String, found: String)

    // MARK: The procedure

    /// A file without a document: `found` is what the YAML layer said it holds.
    case notAProcedure(found: String)
    /// An `--adapt` for an action no step uses; `used` are the actions steps use.
    case adaptationUnused(action: String, parameter: String, used: [String])
    /// `steps` (or a parallel group's, `inGroup`) with no step.
    case noSteps(what: String, inGroup: Bool)
    /// An `on_failure` other than `abort` and `continue`.
    case onFailureValue(found: String)
    /// A retry `backoff` outside 1...100.
    case backoffOutOfRange(found: String)
    /// `expect: TEXT` rather than a mapping.
    case expectText(found: String, text: String)
    /// A key the library reads from the file's lines (``ProcedureIndex/Header``) written so
    /// that its line does not say what the parsed file says; `form` is how to write it.
    case headerLine(key: String, form: String)
    /// An alias that repeats the procedure's name or an earlier alias.
    case aliasRepeated(alias: String, ofName: Bool)
    /// A regular expression (for `key`: `matches`, `pattern`) that does not compile.
    case invalidRegex(key: String, reason: String)
    /// An input `type` that is not an input kind; `known` are the kinds.
    case unknownInputType(found: String, known: [String])
    /// `pattern` on an input that is not a string.
    case patternNotString(input: String, kind: String)
    /// An input's default that does not match its pattern.
    case defaultNotMatching(input: String, pattern: String)
    /// An input's default that is not one of its allowed values.
    case defaultNotAllowed(input: String)
    /// `rest: true` on an input that is not a list.
    case restNotList(input: String, kind: String)
    /// `rest: true` on a second input of the procedure; `first` has it already.
    case restTwice(input: String, first: String)
    /// A step with both `action` and `parallel`.
    case actionAndParallel(what: String)
    /// A step key given to a parallel group.
    case notForGroup(key: String)
    /// A parallel group in a parallel group.
    case nestedGroup
    /// A `set` step in a parallel group.
    case setInGroup
    /// `on_failure: continue` on a step of a parallel group.
    case continueInGroup
    /// A step id used twice; the first use is at `first`.
    case duplicateStepID(id: String, first: SourceLocation)
    /// `as` without `for_each`.
    case asWithoutLoop
    /// `as` naming one of procrun's own names.
    case asReserved(name: String)
    /// An `mcp` step's server that procrun.yaml does not configure; `known` are those it does.
    case unknownMCPServer(name: String, known: [String])
    /// An `mcp` step without a server, when procrun.yaml configures none or several (`servers`).
    case mcpServerNeeded(servers: [String])
    /// A mapping given as a called procedure's input.
    case callInputIsMapping(input: String)
    /// A working folder (`what`: `'cwd'`, `'defaults.cwd'`) that does not exist (looked for at `full`).
    case folderMissing(what: String, path: String, full: String)
    /// A working folder that names something other than a folder.
    case notAFolder(what: String, path: String)

    // MARK: First mistakes (the habits of other tools)

    /// A command written as a step key (`command:`, `run:`, `shell:`) rather than as the `shell`
    /// action's parameter: `command` is the value as the fix shows it; `hasAction` when the step
    /// names an action (then only `parameters` is missing).
    case commandAsStepKey(key: String, command: String, hasAction: Bool)
    /// A step named with `name:` (GitHub Actions), and whether it lacks an `action` too.
    case nameAsStepKey(name: String, needsAction: Bool)

    // MARK: Calls

    /// An input the callee does not declare; `declared` are those it does.
    case calleeHasNoInput(callee: String, input: String, declared: [String])
    /// A value of the wrong type for a callee's input (`expects` and `found` with their articles).
    case calleeInputType(input: String, callee: String, expects: String, found: String)
    /// A value not allowed for a callee's input (`allowed` as listed).
    case calleeInputNotAllowed(input: String, callee: String, allowed: String, found: String)
    /// A required input of the callee that is not passed, in `parameters` (`direct`) or `inputs`.
    case calleeInputMissing(input: String, callee: String, direct: Bool)
    /// A reference rendered at run time to a procedure with problems: the first as one line, how
    /// many `more`, and the file `procrun check` should be given.
    case calleeInvalid(reference: String, first: String, more: Int, path: String)
    /// Calls nested deeper than `limit`, along `chain`.
    case callTooDeep(limit: Int, chain: [String])
    /// A procedure that calls itself, along `chain` (first and last the same).
    case callCycle(chain: [String], needs: Bool = false)

    // MARK: Templates and conditions checked

    /// A `for_each` whose value is known not to be a list.
    case forEachNotList(found: ValueType)
    /// A condition whose value is known not to be a boolean.
    case conditionNotBoolean(found: ValueType)
    /// `run` read outside a `finally` step.
    case runOutsideFinally(TemplateProblem)
    /// `item` or `loop` (`name`) read outside a loop.
    case loopNameOutsideLoop(TemplateProblem, name: String)
    /// An output of a loop step read as if it had one: `steps.STEP.outputs.OUTPUT`.
    case loopOutput(TemplateProblem, step: String, output: String)
    /// An environment variable read that is not set.
    case variableNotSet(TemplateProblem)
    /// A step read before it runs: its id and 1-based number, and whether it is in a parallel group.
    case stepNotRunYet(id: String, number: Int, inGroup: Bool)
    /// An input that may be null (no default, not required) read at `path` where a value is needed.
    case inputMayBeNull(path: String, input: String)
    /// An output of a step that may not give it (`skipped`: a `when` may skip the step; else it
    /// may fail with `on_failure: continue`) read at `path` where nothing catches its absence.
    case outputMayBeUndefined(path: String, step: String, skipped: Bool)
    /// A literal path that a step would refuse (outside the library, or one of its own files).
    case refusedPath(StepProblem)

    // MARK: Inputs given to a run

    // Each speaks the terms of where the inputs came from (``InputBinder/Source``).

    /// An input the procedure does not declare.
    case unknownInput(procedure: String, input: String, declared: [String], source: InputBinder.Source)
    /// A value that is not of the input's type (`found`: a `--set` text or an answer as typed, a
    /// JSON value as JSON; `***` when secret).
    case inputType(input: String, kind: InputSpec.Kind, found: String, source: InputBinder.Source)
    /// A value not among an input's `allowed` ones (`found` nil when the input is secret).
    case inputNotAllowed(input: String, allowed: [Value], found: Value?, source: InputBinder.Source)
    /// A value that does not match an input's pattern (`found` as shown: `***` when secret).
    case inputNotMatching(input: String, pattern: String, found: String)
    /// A required input without a value, of `kind` and `allowed` values.
    case inputMissing(input: String, kind: InputSpec.Kind, allowed: [Value]?, source: InputBinder.Source)
    /// An input given no value and without a default, read at `path` where a value is needed.
    case inputIsNull(path: String, input: String, source: InputBinder.Source)
    /// Words after `--` for a procedure without a `rest: true` input; `word` is the first.
    case noRestInput(procedure: String, word: String)
    /// The `rest: true` input given both with `--set` and as the words after `--`.
    case restAndSet(input: String)

    // MARK: procrun.yaml and environment

    /// An action named after a built-in one.
    case builtinActionReplaced(action: String)
    /// An empty command (an empty list when `list`) for `what` (the executor, an MCP server).
    case emptyCommand(what: String, list: Bool)
    /// An abbreviation that is not one word.
    case abbreviationName(found: String)
    /// An abbreviation that stands for nothing.
    case abbreviationEmpty(abbreviation: String)
    /// An `env` key that is not an environment variable name.
    case variableName(found: String)
    /// A `.env` file outside the library folder `root`.
    case dotenvOutside(path: String, root: String)
    /// A `.env` file that does not exist (looked for at `full`).
    case dotenvMissing(path: String, full: String)
    /// A `.env` file that cannot be read.
    case dotenvUnreadable(path: String, reason: String)
    /// A `.env` line that does not start with a variable name.
    case dotenvName
    /// A `.env` name not followed by `=` (`found` as shown, nil at the end of the line).
    case dotenvEquals(name: String, found: String?)
    /// A `.env` value whose closing quote (single or double) is missing.
    case dotenvUnterminated(name: String, single: Bool)
    /// Text after a `.env` quoted value.
    case dotenvAfterQuote(name: String, found: String)
    /// A problem of a secret `.env` file, placed in its message rather than by a position.
    indirect case atLine(line: Int, column: Int, LanguageProblem)

    // MARK: The stats block

    /// A run's successes and failures that add up to more than its runs.
    case statsSum(successes: Int, failures: Int, runs: Int)
    /// A success rate outside 0...1.
    case statsRate(found: String)
    /// A `last_executed` that is not a UTC time.
    case statsTime(found: String)
    /// A step's successes and failures that add up to more than its runs.
    case statsStepSum(step: String, successes: Int, failures: Int, runs: Int)
    /// A counter larger than `most`.
    case statsTooLarge(key: String, found: String, most: Int)
    /// A counter that is not a whole number.
    case statsNotWhole(key: String, found: String)
    /// A negative counter.
    case statsNegative(key: String, found: Int)

    // MARK: Actions and their parameters

    /// An action that is neither built in, defined in `procrun.yaml` nor a procedure of the library.
    case unknownAction(name: String, known: [String])
    /// A warning: an action a letter off `near` that goes to the executor.
    case actionLeftToExecutor(name: String, near: String)
    /// A parameter the action does not take.
    case unknownParameter(name: String, action: String, known: [String])
    /// A parameter an `--adapt` names that the action does not take.
    case unknownAdaptedParameter(name: String, action: String, known: [String])
    /// A parameter the action needs.
    case missingParameter(name: String, action: String)
    /// A parameter written as none of the values it takes.
    case notOneOf(parameter: String, found: String, known: [String])
    /// A `wait_for` with none of its targets.
    case waitForNothing(targets: [String])
    /// A `wait_for` with two targets.
    case waitForTwo(first: String, second: String)
    /// A `wait_for` parameter that belongs to another target than the one it waits for.
    case waitForForeignParameter(name: String, owner: String, target: String)
    /// A `wait_for` URL that is not http(s).
    case waitForURL(found: String)
    /// A `write_file` mode that is not octal permissions.
    case fileMode
    /// A `shell` command written as an empty list.
    case emptyCommandList
    /// A shell (`what`: `shell`, `defaults.shell`) that is not a program and its flags: no word,
    /// or shell syntax (`found`).
    case shellNotWords(what: String, found: String)
    /// A `set` variable name that is not a name.
    case setVariableName(found: String)
    /// A `set` value that is not a string, number or boolean.
    case variableValue(name: String, found: String)

    // MARK: Matrices

    /// A `matrix` without an axis.
    case matrixWithoutAxes
    /// A matrix axis written as an empty list.
    case emptyMatrixAxis(axis: String)
    /// An `exclude` key that is not one of the matrix's `axes`.
    case excludeKeyNotAxis(key: String, axes: [String])
    /// A step with both `matrix` and `for_each`.
    case matrixAndForEach
    /// `as` on a step with a `matrix`.
    case asWithMatrix
    /// `isolate` on a step without a `matrix`.
    case isolateWithoutMatrix
    /// `matrix` read outside a step with a matrix.
    case matrixOutsideMatrix(TemplateProblem)
    /// A matrix axis whose expression is known not to give a list.
    case matrixAxisNotList(axis: String, found: ValueType)

    // MARK: Variables (`vars:`)

    /// A `vars` value that is not a string, number, boolean or `{sh: COMMAND}`.
    case varValue(name: String, found: String)
    /// A variable's template reading `name`, which is no input, `env`, `os` or variable it may
    /// read (`library`: a variable of `procrun.yaml`, which reads no inputs).
    case varReadsOutside(variable: String, name: String, library: Bool)
    /// A variable's template reading `vars.NAME` declared at or below it.
    case varReadsBelow(variable: String, name: String)
    /// A `set` step assigning a variable `vars:` declares.
    case setDeclaredVar(name: String)

    // MARK: Up-to-date checks (`sources`, `generates`, `status`)

    /// `generates` on a step or procedure with neither `sources` nor `status`.
    case generatesAlone
    /// A `!glob` entry of `generates`, which excludes nothing.
    case excludeInGenerates(pattern: String)
    /// A glob that is not one.
    case badGlob(pattern: String, problem: Glob.Syntax)
    // MARK: Preconditions (`precondition:`)

    /// An entry of `precondition:` with both `that` and `sh` (`both`), or neither.
    case preconditionTest(both: Bool)

    package var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .generatesAlone:
            (.missingKey, "'generates' needs 'sources' or 'status': it says what must exist after a run, not when to skip one; add 'sources' (the files it is made from) or 'status'")
        case .excludeInGenerates(let pattern):
            (.invalidValue, "'\(pattern)': an entry of 'generates' cannot exclude ('!'); every entry must match a file, and only 'sources' takes '!glob'")
        case .badGlob(let pattern, let problem): (.invalidValue, "invalid glob '\(pattern)': " + Self.globProblem(problem))
        case .expectedMapping(let what, let found): (.expectedMapping, "expected a mapping for \(what), found \(found)")
        case .unknownKey(let key, let what, let known): (.unknownKey, "unknown key \(QuotedName.shown(key)) in \(what)\(Suggestion.hint(for: key, in: known))")
        case .expectedList(let what, let found): (.expectedList, "expected a list for \(what), found \(found)")
        case .expectedString(let what, let found): (.expectedString, "expected a string for \(what), found \(found)")
        case .expectedName(let what, let found):
            (.invalidName, "expected a name of letters, digits, '_' and '-' starting with a letter for \(what), found \(QuotedName.shown(found.excerpt(40)))")
        case .expectedInteger(let what, let found): (.expectedInteger, "expected an integer for \(what), found \(found)")
        case .outOfRange(let what, let range, let found): (.outOfRange, "\(what) must be from \(range.lowerBound) to \(range.upperBound), found \(found)")
        case .expectedNumber(let what, let found): (.expectedNumber, "expected a number for \(what), found \(found)")
        case .booleanSpelling(let what, let found, let meant): (.expectedBoolean, "expected true or false for \(what), found '\(found)'; did you mean '\(meant)'?")
        case .expectedBoolean(let what, let found): (.expectedBoolean, "expected true or false for \(what), found \(found)")
        case .expectedDuration(let what, let found): (.expectedDuration, "expected a duration for \(what) (such as 500ms, 30s, 5m), found \(found)")
        case .missingKey(let key, let what): (.missingKey, "missing required key '\(key)' in \(what)")
        case .invalidName(let kind, let found): (.invalidName, "\(kind) names must be letters, digits, '_' and '-' starting with a letter, found '\(found)'")

        case .notAProcedure(let found): (.emptyDocument, "\(found); expected a procedure (a mapping with 'name' and 'steps')")
        case .adaptationUnused(let action, let parameter, let used):
            (.invalidAdaptation, "--adapt \(action).\(parameter): no step uses action '\(action)'" + Suggestion.hint(for: action, in: used))
        case .noSteps(let what, let inGroup): (.emptyValue, "\(what) is empty; \(inGroup ? "a parallel group" : "a procedure") needs at least one step")
        case .onFailureValue(let found):
            (.invalidValue, "expected 'abort' or 'continue' for 'on_failure', found '\(found)'\(Suggestion.hint(for: found, in: ["abort", "continue"]))")
        case .backoffOutOfRange(let found): (.outOfRange, "'backoff' must be from 1 to 100, found \(found)")
        case .expectText(let found, let text):
            (.expectedMapping, "expected a mapping for 'expect', found \(found); to expect text in the outcome, write 'expect: {contains: \(text.excerpt(40))}'")
        case .headerLine(let key, let form):
            (.invalidValue, "write '\(key)' as a top-level line of its own ('\(form)'): the library reads it from that line without parsing the file")
        case .aliasRepeated(let alias, let ofName):
            (.invalidValue, ofName ? "alias '\(alias)' is the procedure's own name" : "alias '\(alias)' is written twice")
        case .invalidRegex(let key, let reason): (.invalidRegex, "invalid regular expression for '\(key)': \(reason.lowercased())")
        case .unknownInputType(let found, let known):
            (.unknownInputType, "unknown input type \(QuotedName.shown(found)); expected one of \(known.joined(separator: ", "))\(Suggestion.hint(for: found, in: known))")
        case .patternNotString(let input, let kind): (.invalidValue, "'pattern' applies to string inputs; input '\(input)' is \(kind)")
        case .defaultNotMatching(let input, let pattern): (.invalidValue, "the default of input '\(input)' does not match its pattern '\(pattern)'")
        case .defaultNotAllowed(let input): (.invalidValue, "the default of input '\(input)' is not one of its allowed values")
        case .restNotList(let input, let kind):
            (.invalidValue, "'rest' applies to list inputs, which take the words after '--'; input '\(input)' is \(kind); write 'type: list'")
        case .restTwice(let input, let first):
            (.invalidValue, "input '\(input)' has 'rest: true', but input '\(first)' already takes the words after '--'; a procedure has at most one such input")
        case .actionAndParallel(let what):
            (.invalidValue, "\(what) has both 'action' and 'parallel'; a step either runs an action or is a parallel group of steps")
        case .notForGroup(let key):
            (.unknownKey, "'\(key)' is not taken by a parallel group; give it to the group's steps (a group takes id, when, notes and on_failure)")
        case .nestedGroup: (.invalidValue, "parallel groups do not nest; put these steps in the outer group")
        case .setInGroup:
            (.invalidValue, "a 'set' step cannot be in a parallel group: steps side by side have no order to set variables in; set them before or after the group")
        case .continueInGroup:
            (
                .invalidValue,
                "a step of a parallel group cannot set 'on_failure: continue': its failure fails the group; give 'on_failure' to the group, and 'fail_fast: false' to let the others finish"
            )
        case .duplicateStepID(let id, let first): (.duplicateStepID, "duplicate step id '\(id)' (first used at line \(first.line), column \(first.column))")
        case .asWithoutLoop: (.missingKey, "'as' names the item of a loop, but the step has no 'for_each'")
        case .asReserved(let name): (.invalidName, "'as' cannot be '\(name)': templates already read procrun's own '\(name)'; choose another name, such as 'item'")
        case .unknownMCPServer(let name, let known):
            (
                .unknownMCPServer,
                "unknown MCP server \(QuotedName.shown(name))" + (known.isEmpty ? "; procrun.yaml configures none under 'mcp_servers'" : Suggestion.hint(for: name, in: known))
            )
        case .mcpServerNeeded(let servers):
            (
                .missingParameter,
                servers.isEmpty
                    ? "action 'mcp' needs an MCP server, and procrun.yaml configures none under 'mcp_servers'"
                    : "action 'mcp' needs parameter 'server': procrun.yaml configures \(servers.count) MCP servers (\(servers.joined(separator: ", ")))"
            )
        case .callInputIsMapping(let input): (.expectedString, "expected a value or a list for input '\(input)', found a mapping")
        case .folderMissing(let what, let path, let full):
            (.folderNotFound, "the folder '\(path)' of \(what) does not exist (looked for \(full)); a relative path is taken from the folder of the file that sets it")
        case .notAFolder(let what, let path): (.folderNotFound, "\(what) must name a folder, and '\(path)' is not one")

        case .commandAsStepKey(let key, let command, let hasAction):
            (
                .unknownKey,
                "'\(key)' is not a step key; "
                    + (hasAction ? "the command goes in the step's parameters: write 'parameters: {command: \(command)}'"
                        : "to run a command, write 'action: shell' and 'parameters: {command: \(command)}'")
            )
        case .nameAsStepKey(let name, let needsAction):
            (
                .unknownKey,
                "'name' is not a step key; write 'id: \(name)' to name a step"
                    + (needsAction ? ", and give the step an 'action' to perform (to run a command: 'action: shell' and 'parameters: {command: ...}')" : "")
            )

        case .calleeHasNoInput(let callee, let input, let declared):
            (
                .unknownInput,
                "procedure '\(callee)' has no input \(QuotedName.shown(input))" + (declared.isEmpty ? " (it declares none)" : Suggestion.hint(for: input, in: declared))
            )
        case .calleeInputType(let input, let callee, let expects, let found): (.inputMismatch, "input '\(input)' of procedure '\(callee)' expects \(expects), found \(found)")
        case .calleeInputNotAllowed(let input, let callee, let allowed, let found):
            (.inputMismatch, "input '\(input)' of procedure '\(callee)' must be one of \(allowed), found \(found)")
        case .calleeInputMissing(let input, let callee, let direct):
            (.missingParameter, "procedure '\(callee)' needs input '\(input)'; pass it in \(direct ? "'parameters'" : "'inputs'")")
        case .calleeInvalid(let reference, let first, let more, let path):
            (.invalidCallee, "cannot call procedure '\(reference)': \(first)" + (more > 0 ? " (and \(more) more; run procrun check \(path))" : ""))
        case .callTooDeep(let limit, let chain): (.callTooDeep, "procedure calls nest deeper than \(limit) levels: \(chain.joined(separator: " › "))")
        case .callCycle(let chain, false):
            (
                .callCycle,
                (chain.count == 2 ? "procedure '\(chain[0])' calls itself: " : "procedure call cycle: ") + chain.joined(separator: " › ")
                    + "; a procedure may not call itself, directly or through others"
            )
        case .callCycle(let chain, true):
            (
                .callCycle,
                (chain.count == 2 ? "procedure '\(chain[0])' needs itself: " : "procedure dependency cycle: ") + chain.joined(separator: " › ")
                    + "; a procedure may not need or call itself, directly or through others"
            )

        case .forEachNotList(let found): (.templateType, "'for_each' must give a list, but this is \(found.nameWithArticle)")
        case .conditionNotBoolean(let found): (.conditionNotBoolean, "a condition must be true or false, but this is \(found.nameWithArticle)")
        case .runOutsideFinally(let problem): (problem.described.id, problem.described.message + "; 'run' is readable only in 'finally' steps")
        case .loopNameOutsideLoop(let problem, let name): (problem.described.id, problem.described.message + "; '\(name)' is readable only in a step with 'for_each'")
        case .loopOutput(let problem, let step, let output):
            (problem.described.id, problem.described.message + "; a loop's outputs are each item's: read steps.\(step).results[N].outputs.\(output)")
        case .variableNotSet(let problem): (problem.described.id, problem.described.message + "; the variable is not set (add '| default(\"\")' to allow that)")
        case .stepNotRunYet(let id, let number, let inGroup):
            (
                .undefinedName,
                "step '\(id)' (step \(number)) has not run yet here; a template can read only earlier steps"
                    + (inGroup ? ", and a step of a parallel group only steps before its group" : "")
            )
        case .inputMayBeNull(let path, let input):
            (
                .nullInput,
                "'\(path)' is null when input '\(input)' is given no value (it has no default and is not required); "
                    + "give it a default, mark it required: true, or write '\(path) | default(...)'"
            )
        case .outputMayBeUndefined(let path, let step, let skipped):
            (
                .undefinedOutput,
                "'\(path)' is undefined when step '\(step)' \(skipped ? "is skipped" : "fails (on_failure: continue)"); "
                    + "read it in a step whose 'when' tests steps.\(step).status == 'success', or write '\(path) | default(...)'"
            )
        case .refusedPath(let problem): (.refusedPath, problem.described.message)

        case .unknownInput(let procedure, let input, let declared, let source):
            (
                .invalidInput,
                (source == .commandLine ? "--set \(input): " : "") + "procedure '\(procedure)' has no input '\(input.excerpt(40))'"
                    + (declared.isEmpty ? " (it declares none)" : Suggestion.hint(for: input, in: declared))
            )
        case .inputType(let input, let kind, let found, .json): (.invalidInput, "input '\(input)' must be \(Self.jsonType(kind)), found \(found.excerpt(40))")
        case .inputType(let input, let kind, let found, let source):
            (
                .invalidInput,
                (source == .commandLine ? "--set \(input): expected \(Self.article(kind)) for input '\(input)'" : "input '\(input)': expected \(Self.article(kind))")
                    + ", found '\(found.excerpt(40))'" + (kind == .list && found.hasPrefix("[") ? Self.jsonListHint : "")
            )
        case .inputNotAllowed(let input, let allowed, let found, let source):
            (.invalidInput, "input '\(input)' must be one of \(Self.values(allowed, source)), found \(Self.shown(found, source))")
        case .inputNotMatching(let input, let pattern, let found): (.invalidInput, "input '\(input)' must match the pattern '\(pattern)', found '\(found)'")
        case .inputMissing(let input, let kind, let allowed, .json):
            (.invalidInput, "input '\(input)' is required: \(Self.jsonType(kind))" + (allowed.map { ", one of \(Self.values($0, .json))" } ?? ""))
        case .inputMissing(let input, _, _, _): (.invalidInput, "missing required input '\(input)'; give it with --set \(input)=VALUE")
        case .noRestInput(let procedure, let word):
            (
                .invalidInput,
                "procedure '\(procedure)' takes no words after '--', found '\(word.excerpt(40))'; declare a list input with 'rest: true' to take them, or give inputs with --set NAME=VALUE"
            )
        case .restAndSet(let input):
            (.invalidInput, "input '\(input)' is given twice: with --set and as the words after '--'; give it one way")
        case .inputIsNull(let path, let input, let source):
            (
                .invalidInput,
                "'\(path)' is null: input '\(input)' was given no value and has no default; "
                    + (source == .json ? "give it a value in 'inputs'" : "give it with --set \(input)=VALUE") + ", or give it a default, or write '\(path) | default(...)'"
            )

        case .builtinActionReplaced(let action): (.builtinActionReplaced, "action '\(action)' is built in; a library action cannot replace it")
        case .emptyCommand(let what, let list): (.emptyValue, "the command of \(what) is \(list ? "an empty list" : "empty")")
        case .abbreviationName(let found): (.invalidName, "an abbreviation must be one word of letters and digits, found \(QuotedName.shown(found))")
        case .abbreviationEmpty(let abbreviation): (.emptyValue, "abbreviation '\(abbreviation)' stands for no words")
        case .variableName(let found):
            (.invalidName, "expected an environment variable name (letters, digits and '_', not starting with a digit) in 'env', found '\(found)'")
        case .dotenvOutside(let path, let root):
            (.unreadableFile, "the .env file '\(path)' is outside the library folder '\(root)'; keep it inside, or write it as {path: ..., outside_library: true}")
        case .dotenvMissing(let path, let full):
            (.unreadableFile, "the .env file '\(path)' does not exist (looked for \(full)); mark it 'optional: true' if it may be missing")
        case .dotenvUnreadable(let path, let reason): (.unreadableFile, "cannot read the .env file '\(path)': \(reason)")
        case .dotenvName: (.dotenvSyntax, "expected a variable name (letters, digits and '_', not starting with a digit) at the start of a .env line")
        case .dotenvEquals(let name, let found): (.dotenvSyntax, "expected '=' after '\(name)' in a .env line, found \(found.map { "'\($0)'" } ?? "the end of the line")")
        case .dotenvUnterminated(let name, let single): (.dotenvSyntax, "unterminated \(single ? "single" : "double")-quoted value for '\(name)' in a .env line")
        case .dotenvAfterQuote(let name, let found):
            (.dotenvSyntax, "expected the end of the line or a '#' comment after the quoted value of '\(name)', found '\(found)'")
        case .atLine(let line, let column, let problem): (problem.described.id, "line \(line), column \(column): \(problem.described.message)")

        case .statsSum(let successes, let failures, let runs):
            (.statsInvalid, "stats: successes (\(successes)) and failures (\(failures)) add up to more than execution_count (\(runs))")
        case .statsRate(let found): (.statsInvalid, "stats: success_rate must be from 0 to 1, found \(found)")
        case .statsTime(let found): (.statsInvalid, "stats: expected a UTC time such as \"2026-11-25T13:05:00Z\" for 'last_executed', found '\(found.excerpt(40))'")
        case .statsStepSum(let step, let successes, let failures, let runs):
            (.statsInvalid, "stats: step '\(step)' has more successes (\(successes)) and failures (\(failures)) than runs (\(runs))")
        case .statsTooLarge(let key, let found, let most): (.statsInvalid, "stats: '\(key)' is too large (\(found)); the most is \(most)")
        case .statsNotWhole(let key, let found): (.statsInvalid, "stats: expected a whole number for '\(key)', found \(found)")
        case .statsNegative(let key, let found): (.statsInvalid, "stats: '\(key)' cannot be negative, found \(found)")
        case .unknownAction(let name, let known): (.unknownAction, "unknown action \(QuotedName.shown(name))\(Suggestion.hint(for: name, in: known))")
        case .actionLeftToExecutor(let name, let near):
            (.actionLeftToExecutor, "action '\(name)' is not built in or defined here, so the executor runs it; did you mean '\(near)'?")
        case .unknownParameter(let name, let action, let known):
            (.unknownParameter, "unknown parameter \(QuotedName.shown(name)) for action '\(action)'\(Suggestion.hint(for: name, in: known))")
        case .unknownAdaptedParameter(let name, let action, let known):
            (.invalidAdaptation, "--adapt \(action).\(name): unknown parameter \(QuotedName.shown(name)) for action '\(action)'\(Suggestion.hint(for: name, in: known))")
        case .missingParameter(let name, let action): (.missingParameter, "action '\(action)' needs parameter '\(name)'")
        case .notOneOf(let parameter, let found, let known):
            (.invalidValue, "expected one of \(known.joined(separator: ", ")) for parameter '\(parameter)', found '\(found)'\(Suggestion.hint(for: found, in: known))")
        case .waitForNothing(let targets):
            (.missingParameter, "action 'wait_for' needs one of parameters \(targets.dropLast().map { "'\($0)'" }.joined(separator: ", ")) and '\(targets.last ?? "")'")
        case .waitForTwo(let first, let second): (.invalidValue, "action 'wait_for' waits for one thing: give '\(first)' or '\(second)', not both")
        case .waitForForeignParameter(let name, let owner, let target): (.invalidValue, "parameter '\(name)' goes with '\(owner)', and this step waits for its '\(target)'")
        case .waitForURL(let found): (.invalidValue, "expected an http:// or https:// URL for parameter 'url', found '\(found)'")
        case .fileMode: (.invalidValue, "expected octal permissions such as \"0644\" for parameter 'mode'")
        case .emptyCommandList: (.emptyValue, "parameter 'command' is an empty list")
        case .shellNotWords(let what, let found):
            (.invalidValue, "expected a program and its flags for \(what) (such as 'bash -euo pipefail' or [bash, -euo, pipefail]), found '\(found)'")
        case .setVariableName(let found): (.invalidName, "variable names must be letters, digits, '_' and '-' starting with a letter, found '\(found)'")
        case .variableValue(let name, let found): (.expectedString, "expected a string, number or boolean for variable '\(name)', found \(found)")

        case .matrixWithoutAxes: (.emptyValue, "'matrix' has no axis; give at least one, such as 'os: [linux, macos]'")
        case .emptyMatrixAxis(let axis): (.emptyValue, "matrix axis '\(axis)' is an empty list; an axis needs at least one value")
        case .excludeKeyNotAxis(let key, let axes):
            (.unknownKey, "'exclude' names \(QuotedName.shown(key)), which is not an axis of the matrix (\(axes.joined(separator: ", ")))\(Suggestion.hint(for: key, in: axes))")
        case .matrixAndForEach: (.invalidValue, "a step has 'matrix' or 'for_each', not both; write the list as an axis of the matrix")
        case .asWithMatrix: (.invalidValue, "'as' does not apply to a matrix: its entry is read as 'matrix'")
        case .isolateWithoutMatrix: (.missingKey, "'isolate' gives each entry of a matrix its own folder, but the step has no 'matrix'")
        case .matrixOutsideMatrix(let problem): (problem.described.id, problem.described.message + "; 'matrix' is readable only in a step with 'matrix'")
        case .matrixAxisNotList(let axis, let found): (.templateType, "matrix axis '\(axis)' must give a list, but this is \(found.nameWithArticle)")
        case .varValue(let name, let found):
            (.expectedString, "expected a string, number, boolean or {sh: COMMAND} for variable '\(name)', found \(found)")
        case .varReadsOutside(let variable, let name, let library):
            (
                .variableDeclaration,
                "variable '\(variable)' cannot read '\(name)': a variable reads only \(library ? "env" : "inputs, env"), os and the variables declared above it"
                    + (library ? " (a variable of procrun.yaml reads no inputs)" : "")
            )
        case .varReadsBelow(let variable, let name):
            (
                .variableDeclaration,
                variable == name
                    ? "variable '\(variable)' cannot read itself: a variable reads only the variables declared above it, so variables never form a cycle"
                    : "variable '\(variable)' cannot read 'vars.\(name)', declared below it: a variable reads only the variables declared above it, so variables never form a cycle"
            )
        case .setDeclaredVar(let name):
            (.variableDeclaration, "'set' cannot assign variable '\(name)': 'vars' declares it, and a name has one meaning; set another name")
        case .preconditionTest(let both):
            both
                ? (.invalidValue, "an entry of 'precondition' has both 'that' and 'sh'; give one: an expression that must hold, or a command that must succeed")
                : (.missingKey, "an entry of 'precondition' needs 'that' (an expression that must hold) or 'sh' (a command that must succeed)")
        }
    }

    /// Why a text starting with `[` is no list.
    private static let jsonListHint = "; a value starting with '[' is read as a JSON list of strings, numbers and booleans, such as [\"a, b\", \"c\"]"

    /// How a value of an input kind is named: "a string", "true or false".
    private static func article(_ kind: InputSpec.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .list: "a comma-separated list"
        }
    }

    /// How a value of an input kind is named in JSON's terms: "a boolean", "an array of strings".
    private static func jsonType(_ kind: InputSpec.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .list: "an array of strings"
        }
    }

    /// Values as a message lists them: as JSON for JSON inputs (`"staging", "production"`), else
    /// as their text is written (`staging, production`).
    private static func values(_ values: [Value], _ source: InputBinder.Source) -> String {
        values.map { source == .json ? $0.jsonText : (try? $0.rendered()) ?? "" }.joined(separator: ", ")
    }

    /// A value found, as a message shows it: JSON for JSON inputs, else its text quoted; `'***'`
    /// for nil (a secret).
    private static func shown(_ value: Value?, _ source: InputBinder.Source) -> String {
        guard let value else { return "'***'" }
        return source == .json ? value.jsonText : "'\((try? value.rendered()) ?? "")'"
    }

    /// Why a glob is not one, in words.
    private static func globProblem(_ problem: Glob.Syntax) -> String {
        switch problem {
        case .empty: "it names no path"
        case .unclosedSet: "a '[' has no closing ']'"
        case .doubleStarInPart: "'**' must be a whole part of the path ('src/**/*.c'), not inside a name"
        }
    }

    // MARK: Notes

    /// The note at an input's declaration.
    static func declaredHere(input: String) -> String {
        "input '\(input)' is declared here"
    }

    /// The note at the `when` that may skip a step whose outputs are read.
    static func maySkip(step: String) -> String {
        "step '\(step)' is skipped when this is false"
    }

    /// The note at a step with `on_failure: continue` whose outputs are read.
    static func mayFailAndGoOn(step: String) -> String {
        "step '\(step)' lets the run go on when it fails, without outputs"
    }

    /// The note at a variable's declaration.
    static func declaredHere(variable: String) -> String {
        "variable '\(variable)' is declared here"
    }

    /// The note at a callee's `name`.
    static func definedHere(procedure: String) -> String {
        "procedure '\(procedure)' is defined here"
    }

    /// The note at the step that calls a file with problems.
    static let calledFromHere = "called from here"

    /// The note at a call on a cycle; `closing` for the call back to the first procedure; `need`
    /// for an entry of `needs:`.
    static func calls(_ caller: String, _ callee: String, closing: Bool = false, need: Bool = false) -> String {
        "'\(caller)' \(need ? "needs" : "calls") '\(callee)' here" + (closing ? ", which closes the cycle" : "")
    }

    /// The note naming the calls that lead to a cycle.
    static func cycleReached(through chain: [String]) -> String {
        "the cycle is reached through " + chain.joined(separator: " › ")
    }
}
