import ProcrunLanguage
package import ProcrunText

extension ProcedureStats {
    /// Reads the figures of a `stats` node (nil or null: no figures yet).
    ///
    /// The node is first checked as `procrun check` checks it, so hand-edited nonsense (a negative
    /// count, more successes than runs, a rate above 1) is refused with the check's diagnostic at its
    /// position rather than carried on. Derived figures (`success_rate`, averages) are not read:
    /// they are recomputed from the counters.
    ///
    /// `validated`: the node was already checked (the procedure loader checks every `stats` block
    /// it loads), so the check is skipped.
    package init(reading node: YAMLNode?, in file: SourceFile, validated: Bool = false) throws(Diagnostic) {
        self.init()
        guard let node, !(node.scalar?.isNull ?? false) else { return }
        if !validated {
            var reader = NodeReader(file: file)
            StatsValidator.validate(node, reader: &reader)
            if let first = reader.diagnostics.first { throw first }
        }
        executionCount = Self.counter(node[StatsKey.executionCount.rawValue])
        successes = Self.counter(node[StatsKey.successes.rawValue])
        failures = Self.counter(node[StatsKey.failures.rawValue])
        totalDurationMilliseconds = Self.counter(node[StatsKey.totalDurationMilliseconds.rawValue])
        if let last = node[StatsKey.lastExecuted.rawValue], last.scalar?.isNull == false {
            lastExecuted = last.scalar?.text
            runID = RunID.read(after: last.end.offset, in: file.bytes)
        }
        for pair in node[StatsKey.steps.rawValue]?.pairs ?? [] {
            var figures = StepStats()
            figures.runs = Self.counter(pair.value[StepStatsKey.runs.rawValue])
            figures.successes = Self.counter(pair.value[StepStatsKey.successes.rawValue])
            figures.failures = Self.counter(pair.value[StepStatsKey.failures.rawValue])
            figures.skips = Self.counter(pair.value[StepStatsKey.skips.rawValue])
            figures.totalDurationMilliseconds = Self.counter(pair.value[StepStatsKey.totalDurationMilliseconds.rawValue])
            figures.timeouts = Self.counter(pair.value[StepStatsKey.timeouts.rawValue])
            figures.lastError = pair.value[StepStatsKey.lastError.rawValue].flatMap { $0.scalar?.isNull == false ? $0.scalar?.text : nil }
            steps.append((pair.key, figures))
        }
    }

    /// A validated counter's value (absent: 0).
    private static func counter(_ node: YAMLNode?) -> Int {
        guard let text = node?.scalar?.text, let value = DecimalText.integer(text) else { return 0 }
        return max(0, min(value, StatsArithmetic.maxCounter))
    }
}
