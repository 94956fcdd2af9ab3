import ProcrunRuntime
import ProcrunText

/// Turns several recordings of one task into one procedure, deterministically, the way a person
/// would generalize them.
///
/// - Steps are lined up by what they do (``StepAligner``): the same action and parameter names,
///   for commands the same program and alike words; two independent steps done in another order
///   are still one step.
/// - Inputs come from the *words* that differ (``ValueRegions``), never a whole command: `--replicas
///   2` / `--replicas 5` gives `replicas`, `git tag v1.4.1` / `v1.4.2` gives `version`; a value seen
///   in several places of a recording is one input (``InputNaming`` names and types them).
/// - A value standing where the shell or another program would run it as code (a `sed` script, an
///   `awk` program, `python3 -c`) reaches the step through an environment variable the command
///   expands there, the input restricted to a safe `pattern`; when even that cannot be, the value
///   stays literal and ``Outcome/literalValues`` says so. A recording is never lost for a value.
/// - Expectations keep what every recording's outcome shared, each on its own stream.
/// - Each step gets an id named after its program (``StepNamer``: `make`, `git_tag`).
/// - Steps only some recordings performed are reported, and left out unless ``keepOptional`` is
///   set: then each runs when a new boolean input (`include_ID`) is true.
package struct TraceGeneralizer: Sendable {
    /// A step that not every trace performed.
    package struct OptionalStep: Sendable, Hashable {
        /// Its action.
        package var action: String
        /// What it did, as people read it: its command line, or its action.
        package var label: String
        /// How many traces performed it.
        package var seenIn: Int
        /// The input that turns it on, when it was kept.
        package var input: String?
    }

    /// What generalizing produced.
    package struct Outcome: Sendable {
        /// The procedure to write.
        package var draft: ProcedureDraft
        /// Steps only some traces performed.
        package var optionalSteps: [OptionalStep]
        /// Parameters whose structured values differed: the last trace's value was kept.
        package var keptLast: [String]
        /// Values that differed but stay literal, each with why (`'alice' in step 3: ...`).
        package var literalValues: [String] = []
    }

    /// Keep steps only some traces performed, behind a condition.
    package var keepOptional = false
    /// Make no input of any differing text value (the last trace's text is kept): the fallback
    /// when a generalized procedure would not check.
    package var literalOnly = false

    /// A generalizer; `keepOptional` keeps the steps only some traces performed.
    package init(keepOptional: Bool = false) {
        self.keepOptional = keepOptional
    }

    /// The characters a value may hold to be spliced into code through an environment variable:
    /// none of them can end a quote, a string literal or a `sed` expression.
    static let safePattern = "[A-Za-z0-9._-]+"

    /// The procedure generalized from `traces` (each a recording of the task; only its successful
    /// steps count), named and described as `recorder` says, with its redactor and command
    /// actions. Nil when no trace has a successful step.
    package func generalize(_ traces: [Recorder], as recorder: Recorder, version: Int = 1, at timestamp: String = UTCTimestamp.now()) -> Outcome? {
        let kept = traces.map(\.successfulSteps).filter { !$0.isEmpty }
        guard !kept.isEmpty else { return nil }
        let columns = StepAligner(commandActions: recorder.commandActions).align(kept)
        var found = literalOnly ? ValueInference() : ValueInference(columns: columns, traces: kept.count, redactor: recorder.redactor)
        var redactor = recorder.redactor
        var names = Set<String>()
        var optional: [OptionalStep] = []
        var keptLast: [String] = []
        var literal: [String] = []
        var learned: [LearnedInput] = []
        var used = Set<String>()
        var steps: [DraftStep] = []
        var ids = Set<String>()
        let last = kept.count - 1
        found.name(into: &names)
        for (columnIndex, column) in columns.enumerated() {
            let members = column.steps.keys.sorted()
            guard let newestTrace = members.last, let newest = column.steps[newestTrace] else { continue }
            var step = DraftStep(action: newest.action)
            if members.count < kept.count, !keepOptional {
                optional.append(OptionalStep(action: newest.action, label: newest.command.map { $0.excerpt(60) } ?? newest.action, seenIn: members.count))
                continue
            }
            step.id = StepNamer.unique(StepNamer.name(for: newest), in: &ids)
            if members.count < kept.count {
                let label = newest.command.map { $0.excerpt(60) } ?? newest.action
                let flag = StepNamer.unique("include_" + StepNamer.name(for: newest), in: &names)
                learned.append(
                    LearnedInput(
                        name: flag, type: "boolean", defaultValue: column.steps[last] == nil ? "false" : "true",
                        description: "whether to run the '\(label)' step (performed in \(members.count) of \(kept.count) recordings)"))
                optional.append(OptionalStep(action: newest.action, label: label, seenIn: members.count, input: flag))
                step.when = "inputs.\(flag)"
            }
            var environment: [(String, String)] = []
            for parameter in newest.parameters {
                let values = members.compactMap { column.steps[$0]?.parameters.first { $0.name == parameter.name }?.value }
                if case .string(let text) = parameter.value {
                    var parts = found.parts(of: text, column: columnIndex, parameter: parameter.name, trace: newestTrace)
                    if recorder.commandActions.contains(newest.action), parameter.name == "command", parts.contains(where: \.isInput) {
                        parts = found.safeCommand(parts, trace: newestTrace, step: steps.count + 1, environment: &environment, literal: &literal)
                    }
                    step.parameters.append((parameter.name, .text(redacted(parts, with: &redactor))))
                    for case .input(let name) in parts { used.insert(name) }
                } else if Set(values).count <= 1 || literalOnly {
                    step.parameters.append((parameter.name, DraftValue(redacting: parameter.value, with: &redactor)))
                } else if let input = InputNaming.wholeValue(parameter.name, values, names: &names) {
                    learned.append(input)
                    used.insert(input.name)
                    step.parameters.append((parameter.name, .text([.input(input.name)])))
                } else {
                    keptLast.append("\(newest.action).\(parameter.name)")
                    step.parameters.append((parameter.name, DraftValue(redacting: parameter.value, with: &redactor)))
                }
            }
            if !environment.isEmpty {
                Self.addEnvironment(environment, to: &step)
                for (_, input) in environment { used.insert(input) }
            }
            let outcomes = members.compactMap { column.steps[$0] }
            if recorder.commandActions.contains(newest.action), Set(outcomes.map { $0.exitCode ?? 0 }).count == 1 {
                step.exitCode = newest.exitCode ?? 0
            }
            // One observation is not evidence: a fragment must have come in every recording.
            if outcomes.count > 1 {
                step.contains = Self.shared(outcomes.map(\.outcome), redactor: redactor)
                step.stderrContains = Self.shared(outcomes.map(\.stderr), redactor: redactor)
            }
            step.notes = newest.notes.map { RedactedPart.text(of: redactor.redact($0, register: false)) }.joined(separator: "\n")
            steps.append(step)
        }
        learned = found.inputs.filter { used.contains($0.name) }.map { input in
            var input = input
            if found.restricted.contains(input.name), input.type == "string" { input.pattern = Self.safePattern }
            return input
        } + learned
        var draft = ProcedureDraft(name: recorder.name, description: RedactedPart.text(of: redactor.redact(recorder.description, register: false)), steps: steps)
        draft.tags = recorder.tags
        draft.version = version
        draft.inputs = redactor.inputs
        draft.learnedInputs = learned
        draft.stats = DraftStats(durationMilliseconds: kept[last].reduce(0) { $0 + $1.durationMilliseconds }, lastExecuted: timestamp)
        draft.hoistWorkingFolder()
        return Outcome(draft: draft, optionalSteps: optional, keptLast: keptLast, literalValues: literal)
    }

    /// The stable fragment every text of `texts` holds, if there is one.
    private static func shared(_ texts: [String], redactor: SecretRedactor) -> [String] {
        var redactor = redactor
        let cleaned = texts.map { RedactedPart.text(of: redactor.redact($0, register: false)) }
        guard let fragment = cleaned.reversed().lazy.compactMap(StableFragment.pick(from:)).first(where: { fragment in cleaned.allSatisfy { $0.contains(fragment) } })
        else { return [] }
        return [fragment]
    }

    /// `parts` with the secrets of their literal text replaced by secret inputs.
    private func redacted(_ parts: [RedactedPart], with redactor: inout SecretRedactor) -> [RedactedPart] {
        parts.flatMap { part -> [RedactedPart] in
            if case .text(let text) = part { return redactor.redact(text) }
            return [part]
        }
    }

    /// Adds `variables` (name, input) to the step's `env` parameter, creating it when needed.
    private static func addEnvironment(_ variables: [(String, String)], to step: inout DraftStep) {
        var pairs: [(key: String, value: DraftValue)] = []
        if let index = step.parameters.firstIndex(where: { $0.name == "env" }), case .mapping(let existing) = step.parameters[index].value {
            pairs = existing
            step.parameters.remove(at: index)
        }
        for (name, input) in variables where !pairs.contains(where: { $0.key == name }) {
            pairs.append((name, .text([.input(input)])))
        }
        step.parameters.append(("env", .mapping(pairs)))
    }
}

extension RedactedPart {
    /// Whether this part is a learned input's place.
    var isInput: Bool {
        if case .input = self { return true }
        return false
    }
}
