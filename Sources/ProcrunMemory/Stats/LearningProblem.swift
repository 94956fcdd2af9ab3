import ProcrunText

/// Every problem the learning layer reports (writing a run's stats, resuming a run, optimizing,
/// merging stats with git, the learning switch), with the data its message needs: ``described``
/// writes all of the layer's messages and picks their ids.
package enum LearningProblem: DiagnosticMessage {
    /// A file operation (a lock, a write, a temporary folder) that the system refused: its reason.
    case fileOperation(reason: String)
    /// `PROCRUN_LEARN` (`variable`) set to a value that says neither on nor off.
    case learnSwitch(variable: String, found: String)

    // MARK: git

    /// git cannot be started.
    case gitNotRun(reason: String)
    /// A git command that failed, with the first line git printed.
    case gitFailed(command: String, message: String)
    /// A revision named on the command line that is no commit of the repository.
    case unknownRevision(revision: String)
    /// A version of a procedure file in git's history that does not read (`commit` abbreviated),
    /// left out of the history.
    case versionUnreadable(commit: String, reason: String)
    /// A period's end (`option`: `--since`, or an MCP argument) whose text names no date.
    case notDate(option: String, text: String)
    /// A period whose start (`since`: its name and text) is after its end (`until`).
    case emptyPeriod(since: String, until: String)
    /// A shallow clone, whose history is cut short (`history`, `report`).
    case shallowClone(folder: String)
    /// A folder outside any git repository, with what git said.
    case notInRepository(folder: String, message: String)
    /// `git merge-file` that ended by a signal or could not run, with what it printed.
    case mergeFileFailed(message: String)
    /// A `.env` file marked `secret: true` that git tracks, by its path from the current folder.
    case trackedSecretFile(path: String)
    /// `git-setup` naming `procrun` as the driver while no `procrun` is on PATH.
    case driverNotOnPath
    /// A library folder (`library`) outside the repository (`top`) that `git-setup` sets up.
    case libraryOutsideRepository(library: String, top: String)

    // MARK: Stats written into the file

    /// A procedure that is not a block-style mapping.
    case notBlockStyle
    /// A `stats` key that does not start its line.
    case statsKeyIndented
    /// A `stats` block with an alias to text outside it.
    case statsAlias
    /// A file that would not parse after its stats are written, with the parser's message.
    case wouldNotReadBack(reason: String)
    /// A file that would read differently after its stats are written.
    case wouldReadDifferently
    /// A file that is no longer a procedure when the run ends.
    case noLongerProcedure
    /// A file that holds another procedure (`found`) when the run of `expected` ends.
    case anotherProcedure(found: String, expected: String)

    // MARK: Resuming

    /// `--resume` without a failed run to resume; `runs` is the folder runs are kept in.
    case noFailedRun(procedure: String, runs: String)
    /// A last run that ended after its steps (`finished`: failed after them; else stopped).
    case lastRunEnded(procedure: String, started: String, finished: Bool)
    /// `--from` a step of a parallel group (`group` as shown: `'id'`, `(step N)`).
    case fromStepInGroup(step: String, group: String)
    /// `--from` a step the procedure does not have; `last` is its last step's number.
    case noSuchStep(step: String, procedure: String, last: Int, known: [String])
    /// `--from` a step after one whose result a later step reads and no run left.
    case noEarlierResult(step: String, read: String, procedure: String, runs: String)
    /// A procedure changed since the run `run` resumed from `flag` (`--resume`, `--from X`).
    case changedSince(flag: String, procedure: String, run: String, started: String, changes: [String])

    // MARK: Optimizing

    /// Fewer recorded runs than `minimum`.
    case tooFewRuns(minimum: Int, found: Int)
    /// A `version` that is not a plain number.
    case versionNotPlain
    /// A procedure with no keys.
    case noKeys
    /// Steps written in flow style: a parallel group's (`inGroup`), the `finally` steps, or the steps.
    case flowSteps(inGroup: Bool, finally: Bool)
    /// A step that does not start its own `-` line.
    case stepNotOwnLine
    /// A step with an alias to text outside it, to be removed (`removing`) or changed.
    case stepAlias(removing: Bool)
    /// A step that is not a mapping.
    case stepNotMapping
    /// Edits that would change the file in ways not planned.
    case unexpectedChange
    /// An optimized procedure that would not check; `first` is its first problem.
    case optimizedInvalid(first: String)

    var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .fileOperation(let reason): (.fileOperation, reason)
        case .learnSwitch(let variable, let found): (.invalidValue, "\(variable): expected 0 or 1 (or false or true), found '\(found.excerpt(40))'")

        case .gitNotRun(let reason): (.gitFailed, "cannot run git: \(reason)")
        case .gitFailed(let command, let message): (.gitFailed, "git \(command) failed: \(message)")
        case .unknownRevision(let revision): (.gitFailed, "unknown revision '\(revision)': not a commit of this repository")
        case .versionUnreadable(let commit, let reason): (.unreadableVersion, "its version at commit \(commit) was not counted: \(reason)")
        case .notDate(let option, let text):
            (.expectedDate, "\(option) '\(text)': expected a day (2026-11-01), a UTC time (2026-11-01T09:30:00Z) or a span back from now (30d, 2w)")
        case .emptyPeriod(let since, let until): (.conflictingOptions, "\(since) is after \(until): the period is empty")
        case .shallowClone(let folder):
            (.shallowClone, "the repository at '\(folder)' is a shallow clone: its history starts at the cut, which holds every run recorded before it (fetch the whole history: git fetch --unshallow, or fetch-depth: 0 in GitHub Actions)")
        case .notInRepository(let folder, let message): (.gitFailed, "'\(folder)' is not inside a git repository (\(message))")
        case .mergeFileFailed(let message): (.gitFailed, "git merge-file failed: \(message)")
        case .driverNotOnPath:
            (.programNotFound, "git runs the merge driver as 'procrun', and no 'procrun' is on PATH: install it there, or pass --program PATH")
        case .libraryOutsideRepository(let library, let top):
            (.procedureReference, "the library '\(library)' is outside the repository '\(top)'; run git-setup in the library's repository")
        case .trackedSecretFile(let path):
            (.secretFileTracked, "'\(path)' holds secrets ('secret: true') and git tracks it: run 'git rm --cached \(path)' and add it to .gitignore")

        case .notBlockStyle: (.statsNotRewritable, "the procedure is not a block-style mapping; procrun writes stats only into block-style files")
        case .statsKeyIndented: (.statsNotRewritable, "the 'stats' key does not start its line; procrun cannot rewrite the block")
        case .statsAlias: (.statsNotRewritable, "the 'stats' block refers to text outside itself (an alias); procrun cannot rewrite it")
        case .wouldNotReadBack(let reason): (.statsNotRewritable, "the file would not read back after writing its stats (\(reason)); it was left unchanged")
        case .wouldReadDifferently: (.statsNotRewritable, "the file would read differently after writing its stats; it was left unchanged")
        case .noLongerProcedure:
            (.procedureChanged, "the file is no longer a procedure (it has no 'name' or no steps; it changed during the run), so its stats were left out of it")
        case .anotherProcedure(let found, let expected):
            (
                .procedureChanged,
                "the file now holds another procedure ('\(found)', not '\(expected)'; it changed during the run), so the stats of this run were left out of it"
            )

        case .noFailedRun(let procedure, let runs): (.cannotResume, "no failed run of '\(procedure)' to resume: its last run did not fail (runs are kept in \(runs))")
        case .lastRunEnded(let procedure, let started, let finished):
            (.cannotResume, "the last run of '\(procedure)' (\(started)) \(finished ? "failed after its steps" : "was stopped after its last step"); run it again instead")
        case .fromStepInGroup(let step, let group):
            (.cannotResume, "--from \(step): step '\(step)' is in the parallel group \(group), whose steps run together; start from the group")
        case .noSuchStep(let step, let procedure, let last, let known):
            (
                .cannotResume,
                "--from \(step): procedure '\(procedure)' has no step '\(step)' (give an id or a number from 1 to \(last))\(Suggestion.hint(for: step, in: known))"
            )
        case .noEarlierResult(let step, let read, let procedure, let runs):
            (
                .cannotResume,
                "--from \(step): a later step reads steps.\(read), and no earlier run of '\(procedure)' left a result for step '\(read)'; start from '\(read)' or earlier (runs are kept in \(runs))"
            )
        case .changedSince(let flag, let procedure, let run, let started, let changes):
            (
                .cannotResume,
                "\(flag): '\(procedure)' changed since run \(run) (started \(started)): \(changes.joined(separator: ", ")); resuming would mix two versions of it. Run it from the start, or give --force to resume anyway"
            )

        case .tooFewRuns(let minimum, let found): (.notOptimizable, "optimize needs at least \(minimum) recorded runs; this procedure has \(found)")
        case .versionNotPlain: (.notOptimizable, "'version' is not a plain number; optimize cannot bump it")
        case .noKeys: (.notOptimizable, "the procedure has no keys")
        case .flowSteps(let inGroup, let finally):
            (
                .notOptimizable,
                "\(inGroup ? "a parallel group's steps are" : finally ? "the 'finally' steps are" : "the steps are") written in flow style ([...]); optimize can only change steps of a block list"
            )
        case .stepNotOwnLine: (.notOptimizable, "this step does not start its own '-' line; optimize cannot remove it")
        case .stepAlias(let removing): (.notOptimizable, "this step uses an alias to text outside it; optimize cannot \(removing ? "remove" : "change") it")
        case .stepNotMapping: (.notOptimizable, "this step is not a mapping")
        case .unexpectedChange: (.notOptimizable, "changing the steps would change the file in unexpected ways; it was left unchanged")
        case .optimizedInvalid(let first): (.notOptimizable, "the optimized procedure would not be valid (\(first)); nothing was changed")
        }
    }

    /// How a change to a step since a run is named: "step 3 'build' is new or edited", "step 2
    /// (shell) is new or edited" for a step without an id, "step 4 is new or edited" for one
    /// neither is known of.
    static func stepChanged(number: Int, id: String?, action: String?) -> String {
        "step \(number)\(id.map { " '\($0)'" } ?? action.map { " (\($0))" } ?? "") is new or edited"
    }

    /// How removed steps are counted: "2 steps were removed".
    static func stepsRemoved(_ count: Int) -> String {
        "\(count) step\(count == 1 ? " was" : "s were") removed"
    }

    /// What is said when only the order of the steps changed.
    static let stepsReordered = "its steps were reordered"
}
