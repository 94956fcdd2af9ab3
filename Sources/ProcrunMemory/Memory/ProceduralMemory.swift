package import ProcrunLanguage
import ProcrunRuntime
public import ProcrunText

/// Procedural memory for agents written in Swift: store procedures, record steps and finalize them,
/// replay them with your own executor, find the right one for a task, and spot duplicates. It
/// reads and writes the same files, with the same rules, as the `procrun` command line.
///
/// ```swift
/// let memory = try ProceduralMemory(libraryAt: "procedures")
///
/// // Record while working; only successful steps are kept.
/// var recorder = memory.startRecording(name: "deploy_backend", description: "Deploy the backend service")
/// recorder.record(RecordedStep(action: "run_tests", parameters: ["suite": "all"], outcome: "142 tests passed"))
/// recorder.record(RecordedStep(action: "push_image", parameters: ["tag": "v1.2.3"], outcome: "timeout", succeeded: false))
/// let path = try memory.finalize(recorder)          // procedures/deploy_backend.yaml, or nil
///
/// // Next time: find it, and replay it with your own tools.
/// let best = memory.find("deploy the backend").first
/// let report = try memory.replay("deploy_backend", adapt: ["run_tests": ["suite": "unit"]]) { action, parameters in
///     try tools.perform(action, parameters)             // returns the outcome text; throws on failure
/// }
/// ```
public final class ProceduralMemory {
    /// The library the procedures live in.
    package let library: Library
    /// The library's folder.
    public var root: String { library.root }
    /// Whether procedures may use actions the library's `procrun.yaml` does not define (actions
    /// that only your executor knows). Such files replay here but `procrun run` cannot run them.
    public var allowUnknownActions: Bool

    /// Opens the library at `root`, creating the folder when it does not exist (its `procrun.yaml`
    /// is read when present).
    public init(libraryAt root: String, allowUnknownActions: Bool = true) throws(DiagnosticsError) {
        if !FileSystem.isDirectory(root) {
            do {
                try FileSystem.createDirectories(root)
            } catch {
                throw DiagnosticsError([Diagnostic(RecordingProblem.fileOperation(reason: error.description))])
            }
        }
        self.library = try Library.discover(forProcedureAt: FileSystem.join(root, "_"), override: root)
        self.allowUnknownActions = allowUnknownActions
    }

    /// Starts a recording whose secrets (environment variables named like secrets, credential
    /// shapes) are replaced by inputs when it is finalized.
    public func startRecording(name: String, description: String, tags: [String] = []) -> Recorder {
        Recorder(name: name, description: description, tags: tags, library: library)
    }

    /// Saves the recording's successful steps as `NAME.yaml`; nil when no step succeeded.
    /// Throws when the name exists and `policy` is ``OverwritePolicy/refuse``, or when the file
    /// would not pass `procrun check`.
    @discardableResult
    public func finalize(_ recorder: Recorder, policy: OverwritePolicy = .refuse) throws(DiagnosticsError) -> String? {
        let store = ProcedureStore(library: library)
        let plan = try store.plan(recorder.name, policy: policy)
        guard let draft = recorder.followingFolders(root: library.root).draft(version: plan.version) else { return nil }
        let text = ProcedureWriter.text(draft, comment: "Recorded through ProceduralMemory.")
        _ = try store.validate(text, at: plan.path, allowUnknownActions: allowUnknownActions)
        try store.write(text, plan: plan)
        return plan.path
    }

    /// Saves one procedure generalized from several recordings of the same task
    /// (``TraceGeneralizer``): the steps every recording performed, each value that differed
    /// turned into an input (default: the last recording's). With `keepOptional`, steps only some
    /// recordings performed are kept behind a boolean input. Nil when no recording has a
    /// successful step; throws as ``finalize(_:policy:)`` does.
    ///
    /// ```swift
    /// var first = memory.startRecording(name: "deploy", description: "Deploy the backend")
    /// first.record(RecordedStep(action: "build_image", parameters: ["tag": "backend:v1.2"]))
    /// var second = first
    /// second.undo()
    /// second.record(RecordedStep(action: "build_image", parameters: ["tag": "backend:v1.3"]))
    /// try memory.finalize([first, second])   // tag: 'backend:{{ inputs.tag }}'
    /// ```
    @discardableResult
    public func finalize(_ recordings: [Recorder], keepOptional: Bool = false, policy: OverwritePolicy = .refuse) throws(DiagnosticsError) -> String? {
        guard let first = recordings.first else { return nil }
        let store = ProcedureStore(library: library)
        let plan = try store.plan(first.name, policy: policy)
        let comment = "Recorded through ProceduralMemory from \(recordings.count) recordings."
        guard
            let outcome = TraceGeneralizer(keepOptional: keepOptional).generalize(
                recordings, as: first, checkedIn: store, at: plan.path, version: plan.version, allowUnknownActions: allowUnknownActions,
                write: { ProcedureWriter.text($0, comment: comment) })
        else { return nil }
        let text = ProcedureWriter.text(outcome.draft, comment: comment)
        _ = try store.validate(text, at: plan.path, allowUnknownActions: allowUnknownActions)
        try store.write(text, plan: plan)
        return plan.path
    }

    /// Stores a procedure from steps known to work (each gets its outcome as an expectation).
    @discardableResult
    public func store(name: String, description: String, tags: [String] = [], steps: [RecordedStep], policy: OverwritePolicy = .refuse) throws(DiagnosticsError) -> String? {
        var recorder = startRecording(name: name, description: description, tags: tags)
        for step in steps { recorder.record(step) }
        return try finalize(recorder, policy: policy)
    }

    /// The procedures that best fit a task, best first (see ``Ranker``).
    public func find(_ task: String, limit: Int = 5) -> [Ranker.Match] {
        Ranker(index: LibraryIndex(library: library).index, abbreviations: Abbreviations(adding: library.findAbbreviations)).rank(task, limit: limit)
    }

    /// Groups of near-duplicate procedures and the one to keep in each (see ``SimilarityFinder``).
    public func similar(threshold: Double = 0.75) -> [SimilarityFinder.Group] {
        SimilarityFinder(threshold: threshold).groups(LibraryIndex(root: library.root).documents.map(\.summary))
    }

    /// The file of the procedure `name` names: a procedure name, or a path inside the library
    /// (the library's one rule: nothing outside it, symbolic links included).
    public func path(of name: String) throws(DiagnosticsError) -> String {
        switch ProcedureIndex(library: library).resolve(name) {
        case .found(let path, _): return path
        case .refused(let problem): throw DiagnosticsError([problem])
        }
    }

    /// Looks at a procedure's record once it has run at least `minimumRuns` times (nil before; never
    /// fewer than 3), with the rules of `procrun optimize`: steps that fail more often than they
    /// succeed without stopping the procedure are removed (kept when a later step reads them);
    /// failing checks whose failures stopped the run, and failing `finally` steps, are reported as
    /// broken (removed too with `removeFailing`); a parallel group's steps are judged one by one;
    /// flaky steps get `retries`; slow ones are reported. With `apply`, writes
    /// the next version in place (`version` bumped), exactly as `procrun optimize --write` does.
    ///
    /// ```swift
    /// if let found = try memory.optimize("deploy_backend", apply: true), found.changesSteps {
    ///     print("version \(found.version + 1) drops steps \(found.removed.map(\.number))")
    /// }
    /// ```
    public func optimize(_ name: String, minimumRuns: Int = 3, apply: Bool = false, removeFailing: Bool = false) throws(DiagnosticsError) -> Optimization? {
        let file = try path(of: name)
        do throws(Diagnostic) {
            let document = try StatsDocument(path: file)
            guard document.stats.executionCount >= max(minimumRuns, Optimizer.minimumRuns) else { return nil }
            let outcome = try Optimizer.optimize(path: file, library: library.root, write: apply, removeFailing: removeFailing)
            let version = outcome.plan.changes ? outcome.plan.version - 1 : outcome.plan.version
            var result = Optimization(name: name, version: version, notes: outcome.plan.notes)
            for step in outcome.plan.steps {
                let id = step.id
                if step.removed {
                    let reason = step.isGroup ? "every step of the group is removed" : "failed \(step.stats.failures) of \(step.stats.runs) runs"
                    result.removed.append(.init(number: step.number, id: id, reason: reason))
                }
                if step.slow {
                    result.slow.append(.init(number: step.number, id: id, reason: "averages \(DurationText.format(milliseconds: step.stats.averageDurationMilliseconds)), most of the procedure's time"))
                }
                if step.broken {
                    let effect = step.isFinally ? "failing the run whatever the other steps did" : "stopping the procedure"
                    result.broken.append(.init(number: step.number, id: id, reason: "failed \(step.stats.failures) of \(step.stats.runs) runs, each failure \(effect)"))
                }
                if !step.added.isEmpty, !step.removed {
                    result.retried.append(.init(number: step.number, id: id, reason: "failed \(step.stats.failures) of \(step.stats.runs) runs; adding \(step.added.joined(separator: " and "))"))
                }
            }
            result.written = outcome.written ? file : nil
            return result
        } catch {
            throw DiagnosticsError([error])
        }
    }

    /// Replays a procedure through the same interpreter as `procrun run`, with `executor` in the
    /// place of an executor process: every action that neither procrun nor the library's
    /// `procrun.yaml` defines goes to it, with its rendered parameters (text as is, numbers and
    /// booleans written out, lists and mappings as JSON), and it returns the outcome (throwing
    /// fails the step with the error's description). Built-in and library actions, `when`,
    /// expectations, retries, `on_failure`, `set`, outputs and called procedures behave exactly as
    /// in `procrun run`; `inputs` are checked and converted to their declared types as `--set` is.
    ///
    /// An internal procedure is refused, as `procrun run` refuses it: it runs only when another
    /// procedure calls it.
    ///
    /// `adapt[action]` overrides parameters of every step using that action, as `--adapt` does.
    /// With `learn` (the default, as for `procrun run`), the replay is then recorded in the file's
    /// `stats` block (and called procedures' in theirs); when that fails, the report says why in
    /// ``ReplayReport/statsNotSaved``.
    public func replay(
        _ name: String, inputs: [String: String] = [:], adapt: [String: [String: String]] = [:], learn: Bool = true,
        executor: (String, [String: String]) throws -> String
    ) throws(DiagnosticsError) -> ReplayReport {
        let path = try self.path(of: name)
        if let refusal = library.refusalToStart(path) { throw DiagnosticsError([refusal]) }
        var library = self.library
        library.callerExecutes = true
        let adaptations = adapt.sorted { $0.key < $1.key }.flatMap { action, values in
            values.sorted { $0.key < $1.key }.map { Adaptation(action: action, parameter: $0.key, value: $0.value) }
        }
        let run = ProcedureRun(path: path, library: library, adaptations: adaptations)
        let procedure = try run.load()
        let bound = try run.bind(texts: inputs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, to: procedure)
        let tracker = ReplayTracker(root: procedure.file.path)
        return withoutActuallyEscaping(executor) { executor in
            let outcome = run.execute(procedure, inputs: bound, observer: tracker, learn: learn) { action, parameters in
                let texts = parameters.mapValues { value in (try? value.rendered()) ?? value.jsonText }
                tracker.sent(action, texts)
                return try executor(action, texts)
            }
            let report = outcome.report
            var replay = ReplayReport(procedure: report.procedure, success: report.success, steps: report.steps.map { result in
                var step = ReplayReport.Step(
                    number: result.number, id: result.id, action: result.action, parameters: tracker.parameters[result.number] ?? [:],
                    status: result.status)
                step.outcome = result.outcome
                step.error = result.error
                step.durationMilliseconds = result.durationMilliseconds
                return step
            })
            replay.statsNotSaved = outcome.learningProblems.isEmpty ? nil : outcome.learningProblems.map(\.message).joined(separator: "; ")
            return replay
        }
    }
}

/// Notes which top-level step is running during a replay, so that the parameters the caller's
/// executor got are reported with that step.
private final class ReplayTracker: RunObserver {
    let root: String
    private var current: (number: Int, action: String)?
    private(set) var parameters: [Int: [String: String]] = [:]

    init(root: String) {
        self.root = root
    }

    func stepStarted(_ step: Step, of procedure: Procedure) {
        if procedure.file.path == root { current = (step.index + 1, step.action.value) }
    }

    func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure) {}

    /// A call of the caller's executor: kept when it is the running step's own action.
    func sent(_ action: String, _ texts: [String: String]) {
        guard let current, current.action == action, parameters[current.number] == nil else { return }
        parameters[current.number] = texts
    }
}
