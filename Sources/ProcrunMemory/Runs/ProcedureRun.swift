package import ProcrunLanguage
package import ProcrunRuntime
package import ProcrunText

/// How procrun runs a procedure, whoever asks: `procrun run`, the MCP server (through a
/// `procrun run` child), ``ProceduralMemory/replay(_:inputs:adapt:learn:executor:)`` and
/// `record --verify` all go through it. A run loads the procedure with its call graph (every
/// callee checked before anything runs), binds the inputs, interprets the steps and, unless told
/// not to, records the run in the `stats` blocks of the files that ran.
///
/// ```swift
/// let run = ProcedureRun(path: "procedures/deploy_backend.yaml", library: library)
/// let procedure = try run.load()
/// let inputs = try run.bind(texts: [("tag", "v2")], to: procedure)
/// let outcome = run.execute(procedure, inputs: inputs)
/// ```
package final class ProcedureRun {
    /// The procedure's file.
    package let path: String
    /// The library the run uses.
    package let library: Library
    /// The procedures loaded for the run: the root and every procedure it calls.
    package let graph: CallGraph

    /// A run of the procedure at `path` (already resolved through the library); nothing is read yet.
    /// `adaptations` override parameters of the root procedure's steps (`--adapt`). A procedure of
    /// a library that `library` includes runs with that library (``ProcedureIndex/owner(ofKey:)``).
    package init(path: String, library: Library, adaptations: [Adaptation] = []) {
        self.path = path
        let owner = library.includes.isEmpty ? nil : ProcedureIndex(library: library).owner(ofKey: CallGraph.key(of: path))
        self.library = owner?.library ?? library
        self.graph = CallGraph(library: self.library, index: owner, adaptations: adaptations)
    }

    /// The files read so far (the library's configuration and every procedure loaded), for quoting
    /// their lines in diagnostics.
    package var sources: [SourceFile] {
        (library.configFile.map { [$0] } ?? []) + graph.sources
    }

    /// Loads the procedure and every procedure it calls, throwing every problem found.
    package func load() throws(DiagnosticsError) -> Procedure {
        try graph.load(path: path)
    }

    /// The inputs for a run of `procedure`: typed `values` (a JSON object from an agent: a list
    /// stays a list) and `NAME=VALUE` texts (`--set`, read as each input's type; they win), checked
    /// by ``InputBinder``, whose messages speak the terms of `source`.
    package func bind(
        texts: [(name: String, text: String)] = [], values: [String: Value] = [:], to procedure: Procedure, source: InputBinder.Source = .commandLine
    ) throws(DiagnosticsError) -> [String: Value] {
        try InputBinder.bind(texts, values: values, to: procedure, source: source)
    }

    /// How a run picks up an earlier one.
    package enum Resumption: Sendable {
        /// `--resume`: the procedure's last run, when it failed, from its failed step, with its inputs.
        case lastFailure
        /// `--from STEP`: from the step with this id (or 1-based number), the steps before it
        /// skipped, their results taken from the last run when it has them.
        case from(String)
    }

    /// Where the run starts for `resumption`, and the earlier run it continues (whose inputs
    /// `--resume` reuses). Throws, before anything runs, when there is nothing to resume, the step
    /// does not exist, a later template reads the result of a skipped step the last run did not
    /// leave, or (unless `force`) the procedure's steps changed since that run, naming them.
    package func resumePoint(_ resumption: Resumption, for procedure: Procedure, force: Bool = false) throws(DiagnosticsError) -> (point: ResumePoint, earlier: RunRecord?) {
        let store = RunStore(root: library.root)
        let key = graph.rootKey ?? CallGraph.key(of: path)
        let runs = FileSystem.join(library.root, RunStore.folder)
        switch resumption {
        case .lastFailure:
            guard let earlier = store.last(of: procedure.name.value, key: key), let start = earlier.resumeIndex else {
                throw DiagnosticsError([Diagnostic(LearningProblem.noFailedRun(procedure: procedure.name.value, runs: runs))])
            }
            guard procedure.steps.contains(where: { $0.index == start }) else {
                throw DiagnosticsError([Diagnostic(LearningProblem.lastRunEnded(procedure: procedure.name.value, started: earlier.started, finished: earlier.finished))])
            }
            if !force { try Self.checkUnchanged(procedure, since: earlier, flag: "--resume") }
            return (Self.point(start: Self.rerunningSecretDerived(from: start, of: procedure, earlier: earlier), earlier: earlier), earlier)
        case .from(let step):
            let names = procedure.steps.compactMap(\.id?.value)
            let all = procedure.allSteps
            // A step of a parallel group starts with its group: the group runs as one.
            if let member = all.first(where: { ($0.id?.value == step || Int(step) == $0.index + 1) && $0.group != nil }), let group = member.group {
                let owner = all[group].id.map { "'\($0.value)'" } ?? "(step \(group + 1))"
                throw DiagnosticsError([Diagnostic(LearningProblem.fromStepInGroup(step: step, group: owner))])
            }
            guard let first = procedure.steps.first(where: { $0.id?.value == step }) ?? Int(step).flatMap({ number in procedure.steps.first { $0.index == number - 1 } })
            else {
                throw DiagnosticsError([
                    Diagnostic(LearningProblem.noSuchStep(step: step, procedure: procedure.name.value, last: procedure.steps.last.map { $0.index + 1 } ?? 0, known: names))
                ])
            }
            let start = first.index
            let earlier = store.last(of: procedure.name.value, key: key)
            if let earlier, !force { try Self.checkUnchanged(procedure, since: earlier, flag: "--from \(step)") }
            let point = Self.point(start: start, earlier: earlier)
            let later = first.location.offset
            for skipped in all where !skipped.isFinally && skipped.index < start {
                guard let id = skipped.id?.value, point.results[skipped.index] == nil,
                    Optimizer.references(to: id, in: procedure.file.bytes).contains(where: { $0 >= later })
                else { continue }
                throw DiagnosticsError([Diagnostic(LearningProblem.noEarlierResult(step: step, read: id, procedure: procedure.name.value, runs: runs))])
            }
            return (point, earlier)
        }
    }

    /// Throws, naming the steps, when `procedure`'s steps are not those `earlier` ran: resuming
    /// would mix what one version of the procedure did with what another does. Records written
    /// before fingerprints were kept are taken as they are.
    private static func checkUnchanged(_ procedure: Procedure, since earlier: RunRecord, flag: String) throws(DiagnosticsError) {
        let now = RunRecord.fingerprints(of: procedure)
        guard !earlier.fingerprints.isEmpty, now != earlier.fingerprints else { return }
        let before = Set(earlier.fingerprints)
        let all = procedure.allSteps
        var changes: [String] = []
        for (index, print) in now.enumerated() where !before.contains(print) {
            let step = index < all.count ? all[index] : nil
            changes.append(LearningProblem.stepChanged(number: index + 1, id: step?.id?.value, action: step?.action.value))
        }
        let removed = max(0, before.subtracting(now).count - changes.count)
        if removed > 0 { changes.append(LearningProblem.stepsRemoved(removed)) }
        if changes.isEmpty { changes.append(LearningProblem.stepsReordered) }
        throw DiagnosticsError([
            Diagnostic(LearningProblem.changedSince(flag: flag, procedure: procedure.name.value, run: earlier.id, started: earlier.started, changes: changes))
        ])
    }

    /// Where `--resume` starts so that what the earlier run derived from a secret (not kept) is
    /// derived again: the first top-level step before `start` that holds such a step, else `start`.
    private static func rerunningSecretDerived(from start: Int, of procedure: Procedure, earlier: RunRecord) -> Int {
        guard let first = earlier.secretDerived.min(), first < start else { return start }
        return procedure.steps.last { $0.index <= first }?.index ?? start
    }

    /// The resume point at `start` with what `earlier` left for the steps before it (none for the
    /// steps whose results came from a secret).
    private static func point(start: Int, earlier: RunRecord?) -> ResumePoint {
        var point = ResumePoint(start: start, vars: earlier?.vars ?? [:])
        let withheld = Set(earlier?.secretDerived ?? [])
        for step in earlier?.steps ?? [] where step.index < start && step.status != .failed && !withheld.contains(step.index) {
            point.results[step.index] = step.value
        }
        return point
    }

    /// What a run did.
    package struct Outcome {
        /// The report of every step.
        package var report: RunReport
        /// Whether the run was recorded in the procedure file's own stats block.
        package var learned = false
        /// Why the stats of this run could not be saved (the run's result stands).
        package var learningProblems: [Diagnostic] = []
        /// Why the run could not be kept for `--resume` (``RunStore``), if it could not.
        package var notKept: String?
    }

    /// Interprets `procedure` with bound `inputs` (from `resume` when it resumes an earlier run),
    /// keeps the run for a later `--resume` (``RunStore``; not for a dry run), then records it in
    /// the stats unless `learn` is false, the run was a dry run, or it was interrupted. Steps a
    /// resumed run took from the earlier run are not counted: the stats see one run of the steps
    /// that ran. `callerExecutor` performs the actions nothing else defines (for a library with
    /// ``Library/callerExecutes``).
    package func execute(
        _ procedure: Procedure, inputs: [String: Value], options: RunOptions = RunOptions(), observer: (any RunObserver)? = nil,
        learn: Bool = true, resume: ResumePoint? = nil,
        callerExecutor: ((_ action: String, _ parameters: [String: Value]) throws -> String)? = nil
    ) -> Outcome {
        let started = UTCTimestamp.now()
        let interpreter = Interpreter(
            procedure: procedure, library: library, observer: observer, options: options, graph: graph, callerExecutor: callerExecutor, resume: resume)
        let store = RunStore(root: library.root)
        let key = graph.rootKey ?? CallGraph.key(of: path)
        // The run is recorded as started before its first step, so that after a kill `--resume`
        // finds this run (and its journal), not the one before it.
        var runID = ""
        var notKept: String?
        let fingerprints = options.dryRun ? [] : RunRecord.fingerprints(of: procedure)
        let withheld = options.dryRun ? RunRecord.Withheld() : RunRecord.Withheld(procedure: procedure, library: library, inputs: inputs)
        if !options.dryRun {
            var record = RunRecord(
                starting: procedure, key: key, started: started, inputs: inputs, vars: resume?.vars ?? [:], fingerprints: fingerprints, withheld: withheld)
            let begun = store.begin(&record, withheld: withheld)
            runID = record.id
            notKept = begun.problem
            if let journal = begun.journal { interpreter.stepFinished = { journal.finished($0, vars: $1) } }
        }
        var outcome = Outcome(report: interpreter.run(inputs: inputs))
        outcome.notKept = notKept
        if !options.dryRun, notKept == nil {
            var record = RunRecord(
                report: outcome.report, procedure: procedure, key: key, started: started, inputs: inputs, vars: interpreter.vars, fingerprints: fingerprints,
                withheld: withheld)
            record.id = runID
            outcome.notKept = store.save(record)
        }
        // A run skipped as up to date ran nothing: it is not a run of the stats.
        if learn, !options.dryRun, !outcome.report.interrupted, outcome.report.upToDate == nil {
            var ran = outcome.report
            ran.steps.removeAll(where: \.restored)
            let problems = StatsLearner.recordRun(ran, at: path, loaded: procedure)
            outcome.learningProblems += problems
            outcome.learned = !problems.contains { $0.path == path }
        }
        return outcome
    }
}
