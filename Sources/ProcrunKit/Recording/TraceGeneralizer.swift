/// Turns several recordings of one task into one procedure, deterministically: the successful
/// actions of the traces are aligned (same action and parameter names, in order: a longest common
/// subsequence, trace by trace), the steps every trace performed are kept, and each parameter
/// whose value differed between traces becomes an input.
///
/// An input is named after its parameter (made unique), typed from the values seen (`integer`,
/// `number`, `boolean`, else `string`), defaults to the last trace's value and lists the values
/// seen in its description. When string values share a prefix and a suffix that end at a
/// delimiter (`backend:v1.2`, `backend:v1.3`), the parameter keeps them around the input
/// (`backend:{{ inputs.tag }}`). Expectations keep what every trace's outcome shared. Steps only
/// some traces performed are reported, and left out unless ``keepOptional`` is set: then each
/// runs when a new boolean input (`include_ACTION`, default: whether the last trace performed it)
/// is true.
package struct TraceGeneralizer: Sendable {
    /// A step that not every trace performed.
    package struct OptionalStep: Sendable, Hashable {
        /// Its action.
        package var action: String
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
    }

    /// Keep steps only some traces performed, behind a condition.
    package var keepOptional = false

    /// A generalizer; `keepOptional` keeps the steps only some traces performed.
    package init(keepOptional: Bool = false) {
        self.keepOptional = keepOptional
    }

    /// One aligned step: the recorded step of each trace that performed it.
    private struct Column {
        var shape: String
        var steps: [Int: RecordedStep]
    }

    /// The procedure generalized from `traces` (each a recording of the task; only its successful
    /// steps count), named and described as `recorder` says, with its redactor and command
    /// actions. Nil when no trace has a successful step.
    package func generalize(_ traces: [Recorder], as recorder: Recorder, version: Int = 1, at timestamp: String = UTCTimestamp.now()) -> Outcome? {
        let kept = traces.map(\.successfulSteps).filter { !$0.isEmpty }
        guard let first = kept.first else { return nil }
        var columns = first.map { Column(shape: Self.shape($0), steps: [0: $0]) }
        for (index, trace) in kept.enumerated().dropFirst() {
            columns = Self.align(columns, trace, index: index)
        }
        var redactor = recorder.redactor
        var names = Set<String>()
        var learned: [LearnedInput] = []
        var optional: [OptionalStep] = []
        var keptLast: [String] = []
        var steps: [DraftStep] = []
        let last = kept.count - 1
        for column in columns {
            let members = column.steps.keys.sorted()
            guard let newest = members.last.flatMap({ column.steps[$0] }) else { continue }
            var step = DraftStep(action: newest.action)
            if members.count < kept.count {
                guard keepOptional else {
                    optional.append(OptionalStep(action: newest.action, seenIn: members.count))
                    continue
                }
                let flag = Self.unique("include_" + newest.action, in: &names)
                learned.append(
                    LearnedInput(
                        name: flag, type: "boolean", defaultValue: column.steps[last] == nil ? "false" : "true",
                        description: "whether to run the '\(newest.action)' step (performed in \(members.count) of \(kept.count) recordings)"))
                optional.append(OptionalStep(action: newest.action, seenIn: members.count, input: flag))
                step.when = "inputs.\(flag)"
            }
            for parameter in newest.parameters {
                let values = members.compactMap { column.steps[$0]?.parameters.first { $0.name == parameter.name }?.value }
                if Set(values).count <= 1 {
                    step.parameters.append((parameter.name, DraftValue(redacting: parameter.value, with: &redactor)))
                } else if let input = Self.input(parameter.name, values, names: &names, redactor: redactor) {
                    learned.append(input.spec)
                    step.parameters.append((parameter.name, .text(input.parts)))
                } else {
                    keptLast.append("\(newest.action).\(parameter.name)")
                    step.parameters.append((parameter.name, DraftValue(redacting: parameter.value, with: &redactor)))
                }
            }
            let outcomes = members.compactMap { column.steps[$0] }
            if recorder.commandActions.contains(newest.action), Set(outcomes.map { $0.exitCode ?? 0 }).count == 1 {
                step.exitCode = newest.exitCode ?? 0
            }
            let texts = outcomes.map { RedactedPart.text(of: redactor.redact($0.outcome, register: false)) }
            if let shared = texts.reversed().lazy.compactMap(StableFragment.pick(from:)).first(where: { fragment in texts.allSatisfy { $0.contains(fragment) } }) {
                step.contains = [shared]
            }
            step.notes = newest.notes.map { RedactedPart.text(of: redactor.redact($0, register: false)) }.joined(separator: "\n")
            steps.append(step)
        }
        var draft = ProcedureDraft(name: recorder.name, description: RedactedPart.text(of: redactor.redact(recorder.description, register: false)), steps: steps)
        draft.tags = recorder.tags
        draft.version = version
        draft.inputs = redactor.inputs
        draft.learnedInputs = learned
        draft.stats = DraftStats(durationMilliseconds: kept[last].reduce(0) { $0 + $1.durationMilliseconds }, lastExecuted: timestamp)
        return Outcome(draft: draft, optionalSteps: optional, keptLast: keptLast)
    }

    /// What makes two recorded steps the same step: the action and its parameters' names.
    private static func shape(_ step: RecordedStep) -> String {
        ([step.action] + step.parameters.map(\.name).sorted()).joined(separator: "\u{0}")
    }

    /// `columns` merged with the steps of trace `index`: a longest common subsequence by shape,
    /// the unmatched steps of both kept in order.
    private static func align(_ columns: [Column], _ trace: [RecordedStep], index: Int) -> [Column] {
        let shapes = trace.map(shape)
        let (n, m) = (columns.count, trace.count)
        var common = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i][j] = columns[i].shape == shapes[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var merged: [Column] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            if i < n, j < m, columns[i].shape == shapes[j], common[i][j] == common[i + 1][j + 1] + 1 {
                var column = columns[i]
                column.steps[index] = trace[j]
                merged.append(column)
                i += 1
                j += 1
            } else if j == m || (i < n && common[i + 1][j] >= common[i][j + 1]) {
                merged.append(columns[i])
                i += 1
            } else {
                merged.append(Column(shape: shapes[j], steps: [index: trace[j]]))
                j += 1
            }
        }
        return merged
    }

    /// The input for a parameter whose scalar values differ, and the parameter's parts; nil when a
    /// value is structured or secret.
    private static func input(
        _ parameter: String, _ values: [JSONValue], names: inout Set<String>, redactor: SecretRedactor
    ) -> (spec: LearnedInput, parts: [RedactedPart])? {
        var texts: [String] = []
        var allStrings = true
        var redactor = redactor
        for value in values {
            switch value {
            case .string(let text): texts.append(text)
            case .number(_, let text):
                texts.append(text)
                allStrings = false
            case .boolean(let flag):
                texts.append(flag ? "true" : "false")
                allStrings = false
            default: return nil
            }
            if redactor.redact(texts[texts.count - 1], register: false).contains(where: { if case .text = $0 { false } else { true } }) { return nil }
        }
        var (prefix, suffix) = ("", "")
        if allStrings { (prefix, suffix) = affixes(texts) }
        let middles = texts.map { String($0.dropFirst(prefix.count).dropLast(suffix.count)) }
        let type =
            middles.allSatisfy({ Int($0) != nil }) ? "integer"
            : middles.allSatisfy({ Double($0) != nil }) ? "number"
            : middles.allSatisfy({ $0 == "true" || $0 == "false" }) ? "boolean" : "string"
        let name = unique(identifier(from: parameter), in: &names)
        var seen: [String] = []
        for middle in middles where !seen.contains(middle) { seen.append(middle) }
        let listed = seen.map { $0.count > 40 ? String($0.prefix(39)) + "…" : $0 }.joined(separator: ", ")
        let spec = LearnedInput(
            name: name, type: type, defaultValue: middles[middles.count - 1],
            description: "learned from \(values.count) recordings; values seen: \(listed)")
        var parts: [RedactedPart] = []
        if !prefix.isEmpty { parts.append(.text(prefix)) }
        parts.append(.input(name))
        if !suffix.isEmpty { parts.append(.text(suffix)) }
        return (spec, parts)
    }

    /// The longest prefix and suffix all `texts` share that end (start) at a delimiter, leaving
    /// every text a non-empty middle.
    private static func affixes(_ texts: [String]) -> (String, String) {
        func isDelimiter(_ character: Character) -> Bool { !(character.isLetter || character.isNumber || character == "." || character == "_") }
        let shortest = texts.map(\.count).min() ?? 0
        var prefix = texts.dropFirst().reduce(Array(texts[0])) { common, text in Array(zip(common, text).prefix { $0 == $1 }.map(\.0)) }
        while let last = prefix.last, !isDelimiter(last) { prefix.removeLast() }
        var suffix = texts.dropFirst().reduce(Array(texts[0].reversed())) { common, text in Array(zip(common, text.reversed()).prefix { $0 == $1 }.map(\.0)) }
        while let last = suffix.last, !isDelimiter(last) { suffix.removeLast() }
        while prefix.count + suffix.count >= shortest, !suffix.isEmpty { suffix.removeLast() }
        while prefix.count >= shortest, !prefix.isEmpty { prefix.removeLast() }
        return (String(prefix), String(suffix.reversed()))
    }

    /// A parameter name as an input name: letters, digits, `_` and `-`, starting with a letter.
    private static func identifier(from name: String) -> String {
        let cleaned = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "_" || $0 == "-" ? $0 : "_" })
        return cleaned.first.map { $0.isASCII && $0.isLetter } == true ? cleaned : "input_" + cleaned
    }

    /// `name`, or `name_2`, `name_3`, ... when taken; the result is added to `names`.
    private static func unique(_ name: String, in names: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while names.contains(candidate) {
            candidate = "\(name)_\(counter)"
            counter += 1
        }
        names.insert(candidate)
        return candidate
    }
}
