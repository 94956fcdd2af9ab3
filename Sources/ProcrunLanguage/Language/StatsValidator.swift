package import ProcrunText

/// Checks a hand-edited `stats` block: counters are non-negative integers that agree with each other.
package enum StatsValidator {
    /// The keys of the block (``StatsKey``).
    static let keys = StatsKey.names
    /// The keys of its counters.
    static let counterKeys = StatsKey.counterNames
    /// The keys of a step's figures (``StepStatsKey``).
    static let stepKeys = StepStatsKey.names
    /// The keys of a step's counters.
    static let stepCounterKeys = StepStatsKey.counterNames
    /// The largest counter accepted: far above any real count, far below overflow.
    package static let maxCounter = 1_000_000_000_000_000

    package static func validate(_ node: YAMLNode, reader: inout NodeReader) {
        if node.isNull { return }
        guard let pairs = reader.mapping(node, "'stats'", keys: keys) else { return }
        let counters = validateCounters(pairs, counterKeys, reader: &reader)
        if let runs = figure(StatsKey.executionCount.rawValue, counters, node), let successes = figure(StatsKey.successes.rawValue, counters, node),
            let failures = figure(StatsKey.failures.rawValue, counters, node), successes + failures > runs
        {
            let at = (successes > runs ? node[StatsKey.successes.rawValue] : node[StatsKey.failures.rawValue])?.start ?? node.start
            reader.error(.statsSum(successes: successes, failures: failures, runs: runs), at: at)
        }
        if let rate = node[StatsKey.successRate.rawValue], let value = reader.number(rate, "'success_rate'"), !(0...1).contains(value) {
            reader.error(.statsRate(found: rate.scalar?.text ?? ""), at: rate.start)
        }
        if let last = node[StatsKey.lastExecuted.rawValue], let text = reader.string(last, "'last_executed'"), !UTCTimestamp.isValid(text) {
            reader.error(.statsTime(found: text), at: last.start)
        }
        if let steps = node[StatsKey.steps.rawValue], !steps.isNull {
            for step in reader.mapping(steps, "'stats.steps'") ?? [] {
                guard let fields = reader.mapping(step.value, "the stats of step '\(step.key)'", keys: stepKeys) else { continue }
                let figures = validateCounters(fields, stepCounterKeys, reader: &reader)
                if let runs = figure(StepStatsKey.runs.rawValue, figures, step.value), let successes = figure(StepStatsKey.successes.rawValue, figures, step.value),
                    let failures = figure(StepStatsKey.failures.rawValue, figures, step.value), successes + failures > runs
                {
                    let at = (successes > runs ? step.value[StepStatsKey.successes.rawValue] : step.value[StepStatsKey.failures.rawValue])?.start ?? step.value.start
                    reader.error(.statsStepSum(step: step.key, successes: successes, failures: failures, runs: runs), at: at)
                }
                if let error = step.value[StepStatsKey.lastError.rawValue], !error.isNull { _ = reader.string(error, "'last_error'") }
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
