package import ProcrunRuntime
import ProcrunText

/// Collects the actions of a task as they are performed and turns the successful ones into a
/// procedure: the recording half of procedural memory.
///
/// ```swift
/// var recorder = Recorder(name: "deploy_backend", description: "Deploy the backend service")
/// recorder.record(.shell("make test", output: "42 passed", exitCode: 0, durationMilliseconds: 900))
/// try recorder.note("runs the unit suite only")
/// let draft = recorder.draft()   // nil when no step succeeded
/// ```
public struct Recorder: Sendable {
    /// The procedure's name.
    public var name: String
    /// What it does.
    public var description: String
    /// Words for finding it.
    public var tags: [String]
    /// Every action recorded so far, failed ones included.
    public private(set) var steps: [RecordedStep] = []
    /// Actions that run commands (their outcome is checked by exit code): `shell` and library actions.
    public var commandActions: Set<String> = ["shell"]
    /// Secret values and credential shapes kept out of what is written.
    package var redactor = SecretRedactor()

    /// Why a hand-written note or expectation could not be attached.
    public struct Problem: Error, Sendable, Equatable {
        /// The lowercase message.
        public var message: String

        /// The problem's message as ``RecordingProblem`` writes it.
        init(_ problem: RecordingProblem) {
            message = problem.described.message
        }
    }

    /// Starts an empty recording.
    public init(name: String, description: String, tags: [String] = []) {
        self.name = name
        self.description = description
        self.tags = tags
    }

    /// Adds an action that was performed.
    public mutating func record(_ step: RecordedStep) {
        steps.append(step)
    }

    /// Replaces every recorded action (a recording's `cd` steps followed, ``followingFolders(root:)``).
    mutating func replaceSteps(_ replacement: [RecordedStep]) {
        steps = replacement
    }

    /// Drops the last recorded action and returns it.
    @discardableResult
    public mutating func undo() -> RecordedStep? {
        steps.popLast()
    }

    /// Attaches a note to the last successful action; returns its 1-based number among all recorded.
    @discardableResult
    public mutating func note(_ text: String) throws(Problem) -> Int {
        let index = try lastSuccessful("a note")
        steps[index].notes.append(text)
        return index + 1
    }

    /// Requires the last successful action's outcome to contain `text` on replay.
    @discardableResult
    public mutating func expect(_ text: String) throws(Problem) -> Int {
        let index = try lastSuccessful("an expectation")
        guard steps[index].outcome.contains(text) else {
            throw Problem(.expectationNotInOutput(step: index + 1, text: text))
        }
        steps[index].expectations.append(text)
        return index + 1
    }

    private func lastSuccessful(_ what: String) throws(Problem) -> Int {
        guard let index = steps.lastIndex(where: \.succeeded) else {
            throw Problem(.noStepToAttach(what: what))
        }
        return index
    }

    /// The actions that succeeded, in order: what the procedure will do.
    public var successfulSteps: [RecordedStep] { steps.filter(\.succeeded) }

    /// The procedure to write: successful actions with their parameters (secrets replaced by
    /// inputs), each with an id (``StepNamer``), expectations derived from what happened, and
    /// stats of one successful run. Nil when no action succeeded.
    ///
    /// A command is expected to exit as it did. Its output is expected to contain a text only when
    /// asked (``expect(_:)``), or when the same action with the same parameters succeeded two
    /// times or more and every time printed the same stable fragment (``StableFragment``): one
    /// observation is no evidence that a text comes back (`make: 'calc' is up to date.`).
    package func draft(version: Int = 1, at timestamp: String = UTCTimestamp.now()) -> ProcedureDraft? {
        let kept = successfulSteps
        guard !kept.isEmpty else { return nil }
        var redactor = redactor
        var draftSteps: [DraftStep] = []
        for (step, id) in zip(kept, StepNamer.ids(for: kept)) {
            var draftStep = DraftStep(action: step.action)
            draftStep.id = id
            draftStep.parameters = step.parameters.map { ($0.name, DraftValue(redacting: $0.value, with: &redactor)) }
            if commandActions.contains(step.action) { draftStep.exitCode = step.exitCode ?? 0 }
            var contains: [String] = []
            let runs = kept.filter { $0.action == step.action && $0.parameters == step.parameters }
            if let fragment = StableFragment.shared(by: runs.map { redactor.redact($0.outcome, register: false) }) { contains.append(fragment) }
            for text in step.expectations {
                let parts = redactor.redact(text, register: false)
                if parts.allSatisfy({ if case .text = $0 { true } else { false } }), !contains.contains(where: { $0.contains(text) }) {
                    contains.append(text)
                }
            }
            draftStep.contains = contains
            draftStep.notes = step.notes.map { RedactedPart.text(of: redactor.redact($0, register: false)) }.joined(separator: "\n")
            draftSteps.append(draftStep)
        }
        let total = kept.reduce(0) { $0 + $1.durationMilliseconds }
        var draft = ProcedureDraft(name: name, description: RedactedPart.text(of: redactor.redact(description, register: false)), steps: draftSteps)
        draft.tags = tags
        draft.version = version
        draft.inputs = redactor.inputs
        draft.stats = DraftStats(durationMilliseconds: total, lastExecuted: timestamp)
        draft.hoistWorkingFolder()
        return draft
    }
}
