import ProcrunLanguage
import ProcrunText

extension StepResult {
    /// The result as observers, reports and records see it: `secrets` (longest first) hidden in
    /// its outcome, output, outputs, loop items and matrix entry values. Templates read the result as it came.
    func hiding(_ secrets: [String]) -> StepResult {
        guard !secrets.isEmpty else { return self }
        var shown = self
        shown.outcome = SecretMasker.masking(outcome, hiding: secrets)
        shown.stdout = SecretMasker.masking(stdout, hiding: secrets)
        shown.stderr = SecretMasker.masking(stderr, hiding: secrets)
        if !outputs.isEmpty { shown.outputs = outputs.mapValues { $0.hiding(secrets) } }
        if let iterations { shown.iterations = iterations.map { $0.hiding(secrets) } }
        if var entry = matrixEntry {
            entry.values = entry.values.mapValues { $0.hiding(secrets) }
            shown.matrixEntry = entry
        }
        return shown
    }
}

extension Value {
    /// The value with `secrets` (longest first) hidden in every text it holds.
    func hiding(_ secrets: [String]) -> Value {
        switch self {
        case .string(let text): .string(SecretMasker.masking(text, hiding: secrets))
        case .list(let items): .list(items.map { $0.hiding(secrets) })
        case .mapping(let fields): .mapping(fields.mapValues { $0.hiding(secrets) })
        default: self
        }
    }
}
