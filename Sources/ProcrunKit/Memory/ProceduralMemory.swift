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
    public let library: Library
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
                throw DiagnosticsError([Diagnostic(.error, error.description)])
            }
        }
        self.library = try Library.discover(forProcedureAt: FileSystem.join(root, "_"), override: root)
        self.allowUnknownActions = allowUnknownActions
    }

    /// Starts a recording whose secrets (environment variables named like secrets, credential
    /// shapes) are replaced by inputs when it is finalized.
    public func startRecording(name: String, description: String, tags: [String] = []) -> Recorder {
        var recorder = Recorder(name: name, description: description, tags: tags)
        recorder.commandActions.formUnion(library.actions.keys)
        recorder.redactor = SecretRedactor(environment: FileSystem.environment())
        return recorder
    }

    /// Saves the recording's successful steps as `NAME.yaml`; nil when no step succeeded.
    /// Throws when the name exists and `policy` is ``OverwritePolicy/refuse``, or when the file
    /// would not pass `procrun check`.
    @discardableResult
    public func finalize(_ recorder: Recorder, policy: OverwritePolicy = .refuse) throws(DiagnosticsError) -> String? {
        let store = ProcedureStore(library: library)
        let plan = try store.plan(recorder.name, policy: policy)
        guard let draft = recorder.draft(version: plan.version) else { return nil }
        let text = ProcedureWriter.text(draft, comment: "Recorded through ProceduralMemory.")
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
        Ranker(index: LibraryIndex(root: library.root).index).rank(task, limit: limit)
    }

    /// Groups of near-duplicate procedures and the one to keep in each (see ``SimilarityFinder``).
    public func similar(threshold: Double = 0.75) -> [SimilarityFinder.Group] {
        SimilarityFinder(threshold: threshold).groups(LibraryIndex(root: library.root).documents.map(\.summary))
    }

    /// The file of the procedure named `name`.
    public func path(of name: String) throws(DiagnosticsError) -> String {
        let direct = ProcedureStore(library: library).path(for: name)
        if FileSystem.exists(direct) { return direct }
        let names = LibraryIndex(root: library.root).documents.map(\.summary)
        if let match = names.first(where: { $0.name == name }) { return match.path }
        throw DiagnosticsError([Diagnostic(.error, "no procedure named '\(name)' in \(library.root)\(Suggestion.hint(for: name, in: names.map(\.name)))")])
    }

    /// Looks at a procedure's record once it has run at least `minimumRuns` times (nil before; never
    /// fewer than ``Optimizer/minimumRuns``): steps that fail more often than they succeed (kept when
    /// a later step reads them), and steps that take most of its time. With `apply`, writes the next
    /// version in place without the failing steps (their lines removed, `version` bumped), exactly
    /// as `procrun optimize --write` does.
    ///
    /// ```swift
    /// if let found = try memory.optimize("deploy_backend", apply: true), found.changesSteps {
    ///     print("version \(found.version + 1) drops steps \(found.removed.map(\.number))")
    /// }
    /// ```
    public func optimize(_ name: String, minimumRuns: Int = Optimizer.minimumRuns, apply: Bool = false) throws(DiagnosticsError) -> Optimization? {
        let file = try path(of: name)
        do throws(Diagnostic) {
            let document = try StatsDocument(path: file)
            guard document.stats.executionCount >= max(minimumRuns, Optimizer.minimumRuns) else { return nil }
            let outcome = try Optimizer.optimize(path: file, library: library.root, write: apply)
            let version = outcome.plan.changes ? outcome.plan.version - 1 : outcome.plan.version
            var result = Optimization(name: name, version: version, notes: outcome.plan.notes)
            for step in outcome.plan.steps {
                let id = step.key == StepKey.key(id: nil, number: step.number) ? nil : step.key
                if step.removed {
                    result.removed.append(.init(number: step.number, id: id, reason: "failed \(step.stats.failures) of \(step.stats.runs) runs"))
                }
                if step.slow {
                    result.slow.append(.init(number: step.number, id: id, reason: "averages \(step.stats.averageDurationMilliseconds) ms, most of the procedure's time"))
                }
            }
            result.written = outcome.written ? file : nil
            return result
        } catch {
            throw DiagnosticsError([error])
        }
    }

    /// Replays a procedure step by step through `executor`, which performs an action with its
    /// parameters and returns the outcome (throwing means the step failed).
    ///
    /// Parameters are rendered as templates (`inputs`, `env` and earlier `steps.ID.outcome` are
    /// available); `adapt[action]` then overrides parameters of every step using that action.
    /// A step's `when` is evaluated; its `expect` (`contains`, `not_contains`, `equals`,
    /// `matches`) is checked against the outcome. The replay stops at the first failure.
    ///
    /// With `learn` (the default, as for `procrun run`), the replay is then recorded in the file's
    /// `stats` block; when that fails, the report says why in ``ReplayReport/statsNotSaved``.
    public func replay(
        _ name: String, inputs: [String: String] = [:], adapt: [String: [String: String]] = [:], learn: Bool = true,
        executor: (String, [String: String]) throws -> String
    ) throws(DiagnosticsError) -> ReplayReport {
        let started = ContinuousClock.now
        let path = try self.path(of: name)
        let file: SourceFile
        let root: YAMLNode
        do {
            file = SourceFile(path: path, bytes: try FileSystem.read(path))
        } catch {
            throw DiagnosticsError([Diagnostic(.error, error.description)])
        }
        do {
            root = try YAMLParser(file: file).parse()
        } catch {
            throw DiagnosticsError([error])
        }
        var replayer = Replayer(file: file, inputs: inputs, adapt: adapt)
        replayer.declare(root["inputs"])
        var report = ReplayReport(procedure: root["name"]?.scalar?.text ?? name, success: true, steps: [])
        for (index, node) in (root["steps"]?.items ?? []).enumerated() {
            let step = replayer.run(node, number: index + 1, executor: executor)
            report.steps.append(step)
            if step.status == .failed {
                report.success = false
                break
            }
        }
        if learn {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            do {
                try StatsLearner.record(report.runReport(file: path, durationMilliseconds: milliseconds), at: path)
            } catch {
                report.statsNotSaved = error.message
            }
        }
        return report
    }
}
