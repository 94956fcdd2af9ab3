package import ProcrunLanguage
package import ProcrunRuntime
package import ProcrunText

/// What a run left behind for a later `procrun run --resume` or `--from STEP`: its inputs, each
/// step's status and result (what later templates read as `steps.ID`), its `vars`, and the
/// fingerprint of every step as the run saw it (so a resume can tell that the procedure changed
/// since). Kept in the library's `.procrun/runs/` (``RunStore``), never in a tracked file. Secrets
/// are kept out of it: secret inputs and secret `.env` values are masked in every stored text, and
/// neither the results derived from them nor a failed step's output are kept
/// (``RunRecord/Withheld``); a resume asks for the inputs again and runs those steps again.
///
/// A run is recorded when it starts (``finished`` false) and again when it ends; the steps it
/// finishes in between go to its journal (``RunJournal``), so the record of a run that was killed
/// still says how far it got.
package struct RunRecord: Sendable {
    /// The run's id: the name of its file in the store, without `.json` (set by ``RunStore``).
    package var id = ""
    /// The procedure's name.
    package var procedure: String
    /// The procedure file's real path: how runs of one procedure are found.
    package var key: String
    /// When the run started, ISO 8601 UTC.
    package var started: String
    /// Whether every step succeeded.
    package var success: Bool
    /// The run's inputs (secret ones left out).
    package var inputs: [String: Value]
    /// The names of the secret inputs, whose values are not kept.
    package var secretInputs: [String]
    /// One entry per step that has an id or failed: its index, status and result value.
    package var steps: [(index: Int, status: StepStatus, value: Value)]
    /// The run's `vars`.
    package var vars: [String: Value]
    /// Whether the run ended (false for a run still going, or one that was killed).
    package var finished = true
    /// The content fingerprint of every step, in step-number order (``fingerprints(of:)``); empty
    /// in records written before fingerprints were kept.
    package var fingerprints: [UInt32] = []
    /// The steps whose results were derived from a secret (``secretDerived(of:library:)``): their
    /// values are not kept, and a resume runs again from the first of them.
    package var secretDerived: [Int] = []

    /// The index of the first step that failed, if any.
    package var firstFailure: Int? {
        steps.first { $0.status == .failed }?.index
    }

    /// Where `--resume` starts: the first failed step; for a run that never finished, the step
    /// after the last one it is known to have finished (nil when it finished without failing).
    package var resumeIndex: Int? {
        if let firstFailure { return firstFailure }
        guard !finished else { return nil }
        return (steps.map(\.index).max() ?? -1) + 1
    }

    /// The content fingerprint of each of `procedure`'s steps in step-number order: 32 bits of a
    /// hash of everything the step's mapping says (id, action, parameters, expectations, settings).
    package static func fingerprints(of procedure: Procedure) -> [UInt32] {
        var prints: [UInt32] = []
        forEachStepNode(of: procedure) { _, node in
            var hasher = FNV1a()
            hasher.add(node)
            prints.append(UInt32(truncatingIfNeeded: hasher.value >> 32))
        }
        return prints
    }

    /// `prints` as text: eight hex digits each, one after another.
    static func hex(_ prints: [UInt32]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(prints.count * 8)
        for print in prints {
            for shift in stride(from: 28, through: 0, by: -4) { text.append(digits[Int((print >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The fingerprints written by ``hex(_:)``; nil when the text is not such.
    static func prints(hex text: String) -> [UInt32]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 8 == 0 else { return nil }
        var prints: [UInt32] = []
        prints.reserveCapacity(bytes.count / 8)
        for start in stride(from: 0, to: bytes.count, by: 8) {
            guard let value = UInt32(String(decoding: bytes[start..<(start + 8)], as: UTF8.self), radix: 16) else { return nil }
            prints.append(value)
        }
        return prints
    }

    /// Whether a finished step belongs in the record: a step later templates can name (it has an
    /// id), one a resume starts from (it failed), or one with effects worth not repeating (any
    /// action but the effect-free built-ins), so that a killed run's journal says how far it got.
    static func keeps(_ result: StepResult, journaling: Bool) -> Bool {
        if result.restored { return false }
        if result.id != nil || result.status == .failed { return true }
        guard journaling else { return false }
        switch result.action {
        case "log", "assert", "sleep", "fail": return false
        default: return true
        }
    }

    /// What a record leaves out of a run: the values to mask, the steps and `vars` derived from
    /// secrets.
    struct Withheld {
        var secrets: [String] = []
        var steps: Set<Int> = []
        var vars: Set<String> = []

        /// What a run of `procedure` with `inputs` must not keep.
        init(procedure: Procedure, library: Library, inputs: [String: Value]) {
            secrets = SecretMasker.secrets(of: procedure, library: library, inputs: inputs)
            (steps, vars) = RunRecord.secretDerived(of: procedure, library: library)
        }

        init() {}

        /// `vars` without the entries derived from secrets, the others cleaned.
        func keep(_ vars: [String: Value]) -> [String: Value] {
            vars.filter { !self.vars.contains($0.key) }.mapValues { RunRecord.clean($0, hiding: secrets) }
        }

        /// A step's result as kept: null when it failed (a resume runs it again, and a failing
        /// step's output is where credentials show up: `login failed for ghp_...`) or was derived
        /// from a secret; else cleaned.
        func keep(_ result: StepResult) -> Value {
            result.status == .failed || steps.contains(result.number - 1) ? .null : RunRecord.clean(result.value, hiding: secrets)
        }
    }

    /// The record of a run of `procedure` that has just started.
    init(starting procedure: Procedure, key: String, started: String, inputs: [String: Value], vars: [String: Value], fingerprints: [UInt32], withheld: Withheld) {
        let hidden = withheld.secrets
        let secrets = procedure.inputs.filter(\.secret).map(\.name)
        self.procedure = procedure.name.value
        self.key = key
        self.started = started
        self.success = false
        self.inputs = inputs.filter { !secrets.contains($0.key) }.mapValues { Self.clean($0, hiding: hidden) }
        self.secretInputs = secrets
        self.steps = []
        self.vars = withheld.keep(vars)
        self.finished = false
        self.fingerprints = fingerprints
        self.secretDerived = withheld.steps.sorted()
    }

    /// The longest text kept of one output field.
    static let textLimit = 64 << 10

    /// The record of `report`, a run of `procedure` with `inputs`; texts are cut at
    /// ``textLimit`` and secret values masked.
    init(
        report: RunReport, procedure: Procedure, key: String, started: String, inputs: [String: Value], vars: [String: Value], fingerprints: [UInt32],
        withheld: Withheld
    ) {
        let secrets = procedure.inputs.filter(\.secret).map(\.name)
        func clean(_ value: Value) -> Value { Self.clean(value, hiding: withheld.secrets) }
        self.procedure = procedure.name.value
        self.key = key
        self.started = started
        self.success = report.success
        self.inputs = inputs.filter { !secrets.contains($0.key) }.mapValues(clean)
        self.secretInputs = secrets
        // Only what a resume reads: the results later templates can name (steps with an id), and
        // the failures a resume starts from. A run of 10,000 unnamed steps keeps nothing per step.
        self.steps = report.steps.filter { Self.keeps($0, journaling: false) }.map { ($0.number - 1, $0.status, withheld.keep($0)) }
        self.vars = withheld.keep(vars)
        self.fingerprints = fingerprints
        self.secretDerived = withheld.steps.sorted()
    }

    /// The record as one JSON object.
    var jsonText: String {
        let steps: [Value] = self.steps.map { .mapping(["index": .integer($0.index), "status": .string($0.status.rawValue), "value": $0.value]) }
        let fields = Value.mapping([
            "procedure": .string(procedure), "key": .string(key), "started": .string(started), "success": .boolean(success),
            "inputs": .mapping(inputs), "secret_inputs": .list(secretInputs.map(Value.string)), "steps": .list(steps), "vars": .mapping(vars),
            "finished": .boolean(finished), "secret_derived": .list(secretDerived.map(Value.integer)),
        ]).jsonText
        // Hex digits need no escaping: the fingerprints are appended as they are.
        return String(fields.dropLast()) + ",\"fingerprints\":\"" + Self.hex(fingerprints) + "\"}"
    }

    /// Reads a record written by ``jsonText``; nil when it is not one.
    init?(jsonText: String) {
        guard case .mapping(let fields)? = Value(jsonText: jsonText), case .string(let procedure)? = fields["procedure"],
            case .string(let key)? = fields["key"], case .string(let started)? = fields["started"], case .boolean(let success)? = fields["success"],
            case .mapping(let inputs)? = fields["inputs"], case .list(let steps)? = fields["steps"], case .mapping(let vars)? = fields["vars"]
        else { return nil }
        self.procedure = procedure
        self.key = key
        self.started = started
        self.success = success
        self.inputs = inputs
        if case .list(let names)? = fields["secret_inputs"] {
            secretInputs = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        } else {
            secretInputs = []
        }
        self.steps = steps.compactMap { step in
            guard case .mapping(let entry) = step, case .integer(let index)? = entry["index"], case .string(let status)? = entry["status"],
                let parsed = StepStatus(rawValue: status), let value = entry["value"]
            else { return nil }
            return (index, parsed, value)
        }
        self.vars = vars
        if case .boolean(let finished)? = fields["finished"] { self.finished = finished }
        if case .string(let text)? = fields["fingerprints"] { fingerprints = Self.prints(hex: text) ?? [] }
        if case .list(let indices)? = fields["secret_derived"] {
            secretDerived = indices.compactMap { if case .integer(let index) = $0 { index } else { nil } }
        }
    }
}
