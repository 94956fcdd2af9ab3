/// Checks a hand-edited `stats` block: counters are non-negative integers that agree with each other.
enum StatsValidator {
    static let counterKeys = ["execution_count", "successes", "failures", "total_duration_ms", "avg_duration_ms"]
    static let keys = counterKeys + ["success_rate", "last_executed", "steps"]
    static let stepCounterKeys = ["runs", "successes", "failures", "skips", "total_duration_ms", "avg_duration_ms"]
    static let stepKeys = stepCounterKeys + ["last_error"]
    /// The largest counter accepted: far above any real count, far below overflow.
    static let maxCounter = 1_000_000_000_000_000

    static func validate(_ node: YAMLNode, reader: inout NodeReader) {
        if node.isNull { return }
        guard let pairs = reader.mapping(node, "'stats'", keys: keys) else { return }
        let counters = validateCounters(pairs, counterKeys, reader: &reader)
        if let runs = figure("execution_count", counters, node), let successes = figure("successes", counters, node),
            let failures = figure("failures", counters, node), successes + failures > runs
        {
            let at = (successes > runs ? node["successes"] : node["failures"])?.start ?? node.start
            reader.error(.statsSum(successes: successes, failures: failures, runs: runs), at: at)
        }
        if let rate = node["success_rate"], let value = reader.number(rate, "'success_rate'"), !(0...1).contains(value) {
            reader.error(.statsRate(found: rate.scalar?.text ?? ""), at: rate.start)
        }
        if let last = node["last_executed"], let text = reader.string(last, "'last_executed'"), !UTCTimestamp.isValid(text) {
            reader.error(.statsTime(found: text), at: last.start)
        }
        if let steps = node["steps"], !steps.isNull {
            for step in reader.mapping(steps, "'stats.steps'") ?? [] {
                guard let fields = reader.mapping(step.value, "the stats of step '\(step.key)'", keys: stepKeys) else { continue }
                let figures = validateCounters(fields, stepCounterKeys, reader: &reader)
                if let runs = figure("runs", figures, step.value), let successes = figure("successes", figures, step.value),
                    let failures = figure("failures", figures, step.value), successes + failures > runs
                {
                    let at = (successes > runs ? step.value["successes"] : step.value["failures"])?.start ?? step.value.start
                    reader.error(.statsStepSum(step: step.key, successes: successes, failures: failures, runs: runs), at: at)
                }
                if let error = step.value["last_error"], !error.isNull { _ = reader.string(error, "'last_error'") }
            }
        }
    }

    /// A counter for the consistency checks: its value, 0 when absent, nil when it was invalid
    /// (already reported).
    private static func figure(_ key: String, _ values: [(key: String, value: Int)], _ node: YAMLNode) -> Int? {
        node[key] == nil ? 0 : values.first { $0.key == key }?.value
    }

    /// The valid counters among `pairs` (a handful: a list is cheaper than a table here).
    private static func validateCounters(_ pairs: [YAMLPair], _ names: [String], reader: inout NodeReader) -> [(key: String, value: Int)] {
        var values: [(key: String, value: Int)] = []
        values.reserveCapacity(names.count)
        for pair in pairs where names.contains(pair.key) {
            if let text = pair.value.scalar?.text, text.utf8.count > 18, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                reader.error(.statsTooLarge(key: pair.key, found: text, most: maxCounter), at: pair.value.start)
                continue
            }
            guard let text = pair.value.scalar?.text, pair.value.scalar?.isReadable(as: .int) == true, let value = DecimalText.integer(text) else {
                reader.error(.statsNotWhole(key: pair.key, found: pair.value.kindDescription), at: pair.value.start)
                continue
            }
            guard value >= 0 else {
                reader.error(.statsNegative(key: pair.key, found: value), at: pair.value.start)
                continue
            }
            guard value <= maxCounter else {
                reader.error(.statsTooLarge(key: pair.key, found: text, most: maxCounter), at: pair.value.start)
                continue
            }
            values.append((pair.key, value))
        }
        return values
    }
}
