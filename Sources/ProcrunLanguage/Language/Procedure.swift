package import ProcrunText

/// A procedure read from its YAML file and checked: everything needed to run it.
package struct Procedure: Sendable {
    /// The file it was read from.
    package var file: SourceFile
    /// The whole document, for tools that need positions (the stats writer).
    package var root: YAMLNode
    /// The name the library knows it by.
    package var name: Located<String>
    /// What it does.
    package var description = ""
    /// `internal:` as written: an internal procedure runs only when another procedure calls it
    /// (``Library/refusalToStart(_:index:)``) and is not listed (``ProcedureIndex/listed``).
    package var internalKey: Located<Bool>?
    /// Whether it is internal (`internal: true`).
    package var isInternal: Bool { internalKey?.value == true }
    /// The other names it answers to (`aliases:`), wherever a procedure name is taken.
    package var aliases: [Located<String>] = []
    /// Words for finding it.
    package var tags: [String] = []
    /// Its version, 1 by default.
    package var version = 1
    /// Its declared inputs, in file order.
    package var inputs: [InputSpec] = []
    /// Values handed back after the last step.
    package var outputs: [(name: String, field: TemplateField)] = []
    /// Environment variables for every step (`env:` and `dotenv:`).
    package var environment = EnvironmentSettings()
    /// The folder its commands run in (`cwd:`), joined to its folder; checked to exist when read.
    package var workingDirectory: Located<String>?
    /// The shell its command lines run with (`shell:`).
    package var shell: Located<ShellProgram>?
    /// Its own variables (`vars:`), in file order: read as `vars.NAME`, over the library's.
    package var variables: [Variable] = []
    /// The procedures that must have run, successfully, before step 1 (`needs:`): call steps
    /// (``Step/isNeed``) outside the numbered steps.
    package var needs: [Step] = []
    /// `sources`/`generates`/`status`: checked after its needs; when it holds, no step runs and
    /// the run is not counted in the stats.
    package var upToDate: UpToDateCheck?
    /// What must hold before anything of it runs (`precondition:`), checked in order before its
    /// needs and step 1: an unmet one fails the run with its message.
    package var preconditions: [Precondition] = []
    /// The steps, in order.
    package var steps: [Step] = []
    /// The steps that always run after `steps` (`finally:`), numbered after them.
    package var finally: [Step] = []
    /// The procedure that replaces this one (`superseded_by`), set by `procrun merge`.
    package var supersededBy: Located<String>?
    /// Why it was superseded (`superseded_reason`).
    package var supersededReason = ""
    /// The `stats` mapping node, if present.
    package var stats: YAMLNode?
    /// What the loader accepted but the author may not have meant (an action that goes to the
    /// executor although its name is one letter off a built-in's), shown before a run or check.
    package var warnings: [Diagnostic] = []
    /// Every step in the order of their numbers: the steps (a parallel group's steps right after
    /// the group), then the `finally` steps; `allSteps[i].index == i`.
    package var allSteps: [Step] {
        var all: [Step] = []
        _ = firstStep { step in
            all.append(step)
            return false
        }
        return all
    }

    /// How many steps there are, a parallel group's and the `finally` steps included: the number
    /// of the last one.
    package var stepCount: Int {
        guard var last = finally.last ?? steps.last else { return 0 }
        while case .parallel(let group) = last.call, let member = group.steps.last { last = member }
        return last.index + 1
    }

    /// The first step, in the order of ``allSteps``, for which `predicate` holds, found without
    /// copying the steps into an array (a procedure may have 10,000).
    package func firstStep(where predicate: (Step) -> Bool) -> Step? {
        func search(_ steps: [Step]) -> Step? {
            for step in steps {
                if predicate(step) { return step }
                if case .parallel(let group) = step.call, let found = search(group.steps) { return found }
            }
            return nil
        }
        return search(steps) ?? search(finally)
    }

    /// The folder procedures' relative paths are taken from.
    package var directory: String { FileSystem.directory(of: file.path) }

    /// The folder its commands (`shell` steps, `wait_for` commands) run in when a step sets no
    /// `cwd`: its own `cwd`, else `library`'s `defaults.cwd`, else its folder.
    package func commandDirectory(in library: Library) -> String {
        workingDirectory?.value ?? library.defaultWorkingDirectory?.value ?? directory
    }

    /// The shell its command lines (`shell` steps, `wait_for` commands, library actions) run with
    /// when the step sets no `shell`: its own `shell`, else `library`'s `defaults.shell`, else
    /// `/bin/sh`.
    package func shell(in library: Library) -> ShellProgram {
        shell?.value ?? library.defaultShell?.value ?? .standard
    }
}
