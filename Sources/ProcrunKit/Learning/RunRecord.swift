/// What a run left behind for a later `procrun run --resume` or `--from STEP`: its inputs, each
/// step's status and result (what later templates read as `steps.ID`), and its `vars`. Kept in the
/// library's `.procrun/runs/` (``RunStore``), never in a tracked file. Secret input values are
/// kept out of it: they are masked in every stored text, and must be given again to resume.
package struct RunRecord: Sendable {
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

    /// The index of the first step that failed, if any.
    package var firstFailure: Int? {
        steps.first { $0.status == .failed }?.index
    }

    /// The longest text kept of one output field.
    static let textLimit = 64 << 10

    /// The record of `report`, a run of `procedure` with `inputs`; texts are cut at
    /// ``textLimit`` and secret values masked.
    init(report: RunReport, procedure: Procedure, key: String, started: String, inputs: [String: Value], vars: [String: Value]) {
        let secrets = procedure.inputs.filter(\.secret).map(\.name)
        let hidden = secrets.compactMap { name -> String? in
            if case .string(let text)? = inputs[name], !text.isEmpty { return text }
            return nil
        }
        func clean(_ value: Value) -> Value {
            switch value {
            case .string(var text):
                for secret in hidden { text = text.replacingOccurrences(secret, with: "***") }
                return .string(text.count > Self.textLimit ? String(text.prefix(Self.textLimit)) : text)
            case .list(let items): return .list(items.map(clean))
            case .mapping(let pairs): return .mapping(pairs.mapValues(clean))
            default: return value
            }
        }
        self.procedure = procedure.name.value
        self.key = key
        self.started = started
        self.success = report.success
        self.inputs = inputs.filter { !secrets.contains($0.key) }.mapValues(clean)
        self.secretInputs = secrets
        // Only what a resume reads: the results later templates can name (steps with an id), and
        // the failures a resume starts from. A run of 10,000 unnamed steps keeps nothing per step.
        self.steps = report.steps.filter { !$0.restored && ($0.id != nil || $0.status == .failed) }.map { ($0.number - 1, $0.status, clean($0.value)) }
        self.vars = vars.mapValues(clean)
    }

    /// The record as one JSON object.
    var jsonText: String {
        let steps: [Value] = self.steps.map { .mapping(["index": .integer($0.index), "status": .string($0.status.rawValue), "value": $0.value]) }
        return Value.mapping([
            "procedure": .string(procedure), "key": .string(key), "started": .string(started), "success": .boolean(success),
            "inputs": .mapping(inputs), "secret_inputs": .list(secretInputs.map(Value.string)), "steps": .list(steps), "vars": .mapping(vars),
        ]).jsonText
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
    }
}
