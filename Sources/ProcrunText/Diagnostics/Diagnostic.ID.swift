extension Diagnostic {
    /// What kind of problem a diagnostic reports: a stable name that code compares and tools may
    /// match on (`diagnostic.id == .unknownAction`), while the message's wording stays free to improve.
    ///
    /// The identifiers procrun raises are the static members below, in alphabetical order, each
    /// raised by the code its comment names. Others can be made with ``init(_:)``, as
    /// swift-subprocess's `Error.Code` and swift-syntax's `MessageID` allow.
    public struct ID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier's text: lower case, words joined by `-` (`unknown-action`).
        public var rawValue: String

        /// An identifier with the given text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// An identifier with the given text.
        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier's text.
        public var description: String { rawValue }
    }
}

extension Diagnostic.ID {
    /// An `action` the executor will run, one edit away from a known action (a warning).
    public static let actionLeftToExecutor = Self("action-left-to-executor")
    /// YAML aliases that expand the document past ``YAMLLimits/maxNodes``.
    public static let aliasExpansion = Self("alias-expansion")
    /// A library action named after a built-in one.
    public static let builtinActionReplaced = Self("builtin-action-replaced")
    /// A procedure that calls itself, directly or through others.
    public static let callCycle = Self("call-cycle")
    /// A library that includes itself, directly or through others (`include:`).
    public static let includeCycle = Self("include-cycle")
    /// Procedure calls nested deeper than ``CallGraph/depthLimit``.
    public static let callTooDeep = Self("call-too-deep")
    /// A procedure `procrun merge` cannot mark as superseded (already marked, or written in a shape
    /// it cannot splice into).
    public static let cannotMarkSuperseded = Self("cannot-mark-superseded")
    /// A `--resume` or `--from` that cannot start: no failed run, no such step, a step of a parallel group,
    /// a result no earlier run left, a procedure changed since that run, secret inputs not given again.
    public static let cannotResume = Self("cannot-resume")
    /// A command line that cannot be run as written (an unterminated quote, a value where the
    /// shell would read it as code).
    public static let commandSyntax = Self("command-syntax")
    /// A condition (`when`, `assert`) whose type is not boolean.
    public static let conditionNotBoolean = Self("condition-not-boolean")
    /// Command-line options that cannot be given together (`--resume` and `--from`, `--learn` and
    /// `--no-learn`).
    public static let conflictingOptions = Self("conflicting-options")
    /// A line of a `.env` file that is not `NAME=value`, a comment or blank.
    public static let dotenvSyntax = Self("dotenv-syntax")
    /// A key given twice in one mapping.
    public static let duplicateKey = Self("duplicate-key")
    /// A step id used by two steps.
    public static let duplicateStepID = Self("duplicate-step-id")
    /// A file with no YAML document in it: empty, or only comments and blank lines. The YAML layer
    /// says what it found; the caller says what it expected (a procedure), or accepts it.
    public static let emptyDocument = Self("empty-document")
    /// A list or text that must not be empty (`steps`, a command).
    public static let emptyValue = Self("empty-value")
    /// A value of the wrong kind where a boolean was expected.
    public static let expectedBoolean = Self("expected-boolean")
    /// A value of the wrong kind where a duration was expected.
    public static let expectedDuration = Self("expected-duration")
    /// A version of a procedure file in git's history whose stats do not read (`history`, `report`).
    public static let unreadableVersion = Self("unreadable-version")
    /// A shallow clone, whose git history is cut short (`history`, `report`).
    public static let shallowClone = Self("shallow-clone")
    /// A command-line value that names no date (`--since`, `--until`).
    public static let expectedDate = Self("expected-date")
    /// A value of the wrong kind where an integer was expected.
    public static let expectedInteger = Self("expected-integer")
    /// A value of the wrong kind where a list was expected.
    public static let expectedList = Self("expected-list")
    /// A value of the wrong kind where a mapping was expected.
    public static let expectedMapping = Self("expected-mapping")
    /// A value of the wrong kind where a number was expected.
    public static let expectedNumber = Self("expected-number")
    /// A value of the wrong kind where a string was expected.
    public static let expectedString = Self("expected-string")
    /// A file operation the system refused (a write, a move, a lock, a folder created): the message
    /// is the system's reason.
    public static let fileOperation = Self("file-operation")
    /// A file larger than ``YAMLLimits/maxBytes``.
    public static let fileTooLarge = Self("file-too-large")
    /// A working folder (a procedure's `cwd`, `procrun.yaml`'s `defaults.cwd`) that does not exist
    /// or is not a folder.
    public static let folderNotFound = Self("folder-not-found")
    /// git that cannot be started, fails, or finds no repository (the merge driver, `git-setup`,
    /// `review`, `resolve`).
    public static let gitFailed = Self("git-failed")
    /// A value a step passes to a called procedure's input that its declaration does not accept
    /// (a run's own inputs: `invalid-input`).
    public static let inputMismatch = Self("input-mismatch")
    /// A line of an action log (`record --from`) that is not an action: not JSON, not an object, a
    /// member of the wrong kind.
    public static let invalidActionLog = Self("invalid-action-log")
    /// An `--adapt ACTION.PARAM=VALUE` that names no step's action or parameter.
    public static let invalidAdaptation = Self("invalid-adaptation")
    /// What was typed at `procrun record`'s prompt that it cannot take: an unknown `:` command, a `cd`
    /// to no folder, a note with no step to attach to, an answer that names no value.
    public static let invalidAnswer = Self("invalid-answer")
    /// A command-line value that is not of the form it must have (`--set NAME=VALUE`, `--inputs` a
    /// JSON object, `--secret` a variable that is set).
    public static let invalidArgument = Self("invalid-argument")
    /// A procedure called by a reference rendered at run time that has problems of its own.
    public static let invalidCallee = Self("invalid-callee")
    /// A file that is not UTF-8 (a UTF-16 byte-order mark, an invalid byte).
    public static let invalidEncoding = Self("invalid-encoding")
    /// A value given for a run's inputs (`--set`, `--inputs`, an agent's `inputs`, an answer at a
    /// prompt) that the procedure does not take: an input it does not declare, a value of the wrong
    /// type, not allowed or not matching its pattern, a required input left out, an input left
    /// null where a step needs a value.
    public static let invalidInput = Self("invalid-input")
    /// A `procrun merge` that cannot be done: a procedure that does not parse, named twice, merged into
    /// itself, already superseded, or doing the opposite of the one kept.
    public static let invalidMerge = Self("invalid-merge")
    /// A name (an action, an id, an input, a key) that is not letters, digits, `_` and `-`
    /// starting with a letter.
    public static let invalidName = Self("invalid-name")
    /// A `matches` pattern that is not a regular expression.
    public static let invalidRegex = Self("invalid-regex")
    /// A value of the right kind that is not one of those allowed (`on_failure`, `mode`, a default).
    public static let invalidValue = Self("invalid-value")
    /// A `--library` that is not a folder.
    public static let libraryNotFound = Self("library-not-found")
    /// Unresolved git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in a file.
    public static let mergeConflict = Self("merge-conflict")
    /// A YAML merge key `<<` whose value is not a mapping or a list of mappings.
    public static let mergeKey = Self("merge-key")
    /// A command line without something the command needs (`record --description`, the procedures
    /// `merge` merges).
    public static let missingArgument = Self("missing-argument")
    /// A mapping that lacks a required key.
    public static let missingKey = Self("missing-key")
    /// A step or action that lacks a parameter it needs.
    public static let missingParameter = Self("missing-parameter")
    /// A second YAML document in a file that holds one.
    public static let multipleDocuments = Self("multiple-documents")
    /// YAML nested deeper than ``YAMLLimits/maxDepth``.
    public static let nestingTooDeep = Self("nesting-too-deep")
    /// A mapping key that is not a string (a mapping, a list, an alias of either).
    public static let nonStringKey = Self("non-string-key")
    /// A procedure `procrun optimize` cannot change: too few recorded runs, steps written in a shape it
    /// cannot splice, a result that would not check.
    public static let notOptimizable = Self("not-optimizable")
    /// A recording in which no step succeeded: nothing to save.
    public static let nothingRecorded = Self("nothing-recorded")
    /// A procedure marked `internal: true` named where a procedure is started on its own (the
    /// command line, MCP `run_procedure`); as a warning in `procrun check`, one nothing calls.
    public static let internalProcedure = Self("internal-procedure")
    /// An input that may be null (no default, not required) read where a value is needed: a
    /// warning in `procrun check` (a run given no value says `invalid-input`).
    public static let nullInput = Self("null-input")
    /// A number outside the range allowed for it.
    public static let outOfRange = Self("out-of-range")
    /// A procedure reference or file that leads outside the library folder: an absolute path,
    /// `..` that leave it, a symbolic link that points out of it.
    public static let outsideLibrary = Self("outside-library")
    /// A procedure's or a step's `precondition` that did not hold, which fails it.
    public static let preconditionNotMet = Self("precondition-not-met")
    /// A procedure file that changed during a run, so that run's stats were not written into it.
    public static let procedureChanged = Self("procedure-changed")
    /// A procedure `record`, `new` or an agent would write where one exists, or under a name one has.
    public static let procedureExists = Self("procedure-exists")
    /// A procedure reference that cannot be followed: no such name or file, a name more than one
    /// file claims, not a name or a path (outside the library: `outside-library`).
    public static let procedureReference = Self("procedure-reference")
    /// A program procrun needs beside it that is not there (`procrun-mcp` for `procrun mcp`).
    public static let programNotFound = Self("program-not-found")
    /// A recorded procedure that would not pass `procrun check`, so it is not saved.
    public static let recordingInvalid = Self("recording-invalid")
    /// A literal path a step would refuse to write: outside the library folder, or one of the
    /// library's own files.
    public static let refusedPath = Self("refused-path")
    /// A run that could not be kept for `--resume` (a warning).
    public static let runNotKept = Self("run-not-kept")
    /// A `.env` file marked `secret: true` that git tracks (`git-setup`, a warning).
    public static let secretFileTracked = Self("secret-file-tracked")
    /// A `stats` block whose figures are malformed or disagree.
    public static let statsInvalid = Self("stats-invalid")
    /// A file whose `stats` block procrun cannot rewrite in place (flow style, an alias).
    public static let statsNotRewritable = Self("stats-not-rewritable")
    /// A core-schema YAML tag on a value it does not fit (`!!int abc`, `!!map` on a list).
    public static let tagMismatch = Self("tag-mismatch")
    /// A YAML tag other than the core schema's.
    public static let tagNotAllowed = Self("tag-not-allowed")
    /// A template or condition that does not parse (`{{` never closed, an empty expression).
    public static let templateSyntax = Self("template-syntax")
    /// A template that parses but cannot work: a filter applied to the wrong type, a wrong number
    /// of arguments, a field of a value that has none.
    public static let templateType = Self("template-type")
    /// A quoted YAML scalar whose closing quote is missing: the file ends first, or a later quote
    /// closes it, taking in the lines between.
    public static let unclosedQuote = Self("unclosed-quote")
    /// A name a template reads that will not exist when it runs.
    public static let undefinedName = Self("undefined-name")
    /// An output of a step that may be skipped (or fail and let the run go on), read where nothing
    /// catches its absence (a warning).
    public static let undefinedOutput = Self("undefined-output")
    /// An `action` that is not built in, defined by the library, or a procedure.
    public static let unknownAction = Self("unknown-action")
    /// A YAML alias `*name` with no anchor `&name` before it.
    public static let unknownAlias = Self("unknown-alias")
    /// A first word that is no command and no procedure, one or two edits from a command.
    public static let unknownCommand = Self("unknown-command")
    /// A template filter that does not exist.
    public static let unknownFilter = Self("unknown-filter")
    /// An input a step passes that the called procedure does not declare (a run's own inputs:
    /// `invalid-input`).
    public static let unknownInput = Self("unknown-input")
    /// An input `type` that is not one of the input kinds.
    public static let unknownInputType = Self("unknown-input-type")
    /// A key that the mapping it is in does not take.
    public static let unknownKey = Self("unknown-key")
    /// An `mcp` step naming a server procrun.yaml does not configure.
    public static let unknownMCPServer = Self("unknown-mcp-server")
    /// A parameter the step's action does not take.
    public static let unknownParameter = Self("unknown-parameter")
    /// A file that cannot be read (missing, unreadable, not a regular file).
    public static let unreadableFile = Self("unreadable-file")
    /// A value `record` was asked to make an input that the shell-safety rules keep literal in a step
    /// (a warning).
    public static let valueLeftLiteral = Self("value-left-literal")
    /// A `vars:` declaration read wrongly: a variable whose template reads what it may not (a
    /// step, an input in `procrun.yaml`, a variable declared below it), or a `set` step that
    /// assigns a declared variable.
    public static let variableDeclaration = Self("variable-declaration")
    /// A `{sh: COMMAND}` variable whose command failed, which fails the step that read it.
    public static let variableFailed = Self("variable-failed")
    /// A recording whose replay (`record --verify`) failed, so it is not saved.
    public static let verificationFailed = Self("verification-failed")
    /// Text that libyaml cannot read as YAML (its scanner's, parser's or reader's message).
    public static let yamlSyntax = Self("yaml-syntax")
}
