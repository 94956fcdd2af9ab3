/// The figures of a procedure's `stats` block: run counters, the last run's time, and each step's
/// figures keyed as ``StepKey`` names them.
///
/// Only counters are stored in the model; `success_rate` and the averages are recomputed from them
/// whenever the block is written, so they can never disagree.
package struct ProcedureStats: Sendable, Hashable {
    /// Runs recorded.
    package var executionCount = 0
    /// Runs that succeeded.
    package var successes = 0
    /// Runs that failed.
    package var failures = 0
    /// Wall time of every run together, in milliseconds.
    package var totalDurationMilliseconds = 0
    /// When the last run ended: UTC, ISO 8601 (`2026-11-25T13:05:00Z`).
    package var lastExecuted: String?
    /// The id of the run (or merge) that wrote the block last: written as a comment on the
    /// `last_executed` line (`# run 5c1e0a9f`) so that two runs never make the same edit (see ``RunID``).
    package var runID: String?
    /// Each step's figures, in the order they are written.
    package var steps: [(key: String, stats: StepStats)] = []

    /// Empty figures.
    package init() {}

    /// Successes over runs, in thousandths (0 before any run).
    package var successRateThousandths: Int { StatsArithmetic.thousandths(successes, of: executionCount) }

    /// The average wall time of a run, rounded to the nearest millisecond.
    package var averageDurationMilliseconds: Int { StatsArithmetic.average(totalDurationMilliseconds, over: executionCount) }

    /// The figures of the step keyed `key`, if recorded.
    package subscript(step key: String) -> StepStats? {
        get { steps.first { $0.key == key }?.stats }
        set {
            if let index = steps.firstIndex(where: { $0.key == key }) {
                if let newValue { steps[index].stats = newValue } else { steps.remove(at: index) }
            } else if let newValue {
                steps.append((key, newValue))
            }
        }
    }

    /// These figures with `delta` added: counters summed (capped), the later `last_executed` kept,
    /// steps matched by key (new ones appended).
    package func adding(_ delta: ProcedureStats) -> ProcedureStats {
        var sum = self
        sum.executionCount = StatsArithmetic.add(executionCount, delta.executionCount)
        sum.successes = StatsArithmetic.add(successes, delta.successes)
        sum.failures = StatsArithmetic.add(failures, delta.failures)
        sum.totalDurationMilliseconds = StatsArithmetic.add(totalDurationMilliseconds, delta.totalDurationMilliseconds)
        sum.lastExecuted = Self.later(lastExecuted, delta.lastExecuted)
        sum.runID = delta.runID ?? runID
        var position = Self.positions(of: sum.steps)
        for (key, figures) in delta.steps {
            if let index = position[key] {
                sum.steps[index].stats = sum.steps[index].stats.adding(figures)
            } else {
                position[key] = sum.steps.count
                sum.steps.append((key, StepStats().adding(figures)))
            }
        }
        return sum
    }

    /// The change from `base` to these figures: each counter's increase, `last_executed` if it moved.
    package func subtracting(_ base: ProcedureStats) -> ProcedureStats {
        var delta = ProcedureStats()
        delta.executionCount = StatsArithmetic.subtract(executionCount, base.executionCount)
        delta.successes = StatsArithmetic.subtract(successes, base.successes)
        delta.failures = StatsArithmetic.subtract(failures, base.failures)
        delta.totalDurationMilliseconds = StatsArithmetic.subtract(totalDurationMilliseconds, base.totalDurationMilliseconds)
        delta.lastExecuted = lastExecuted == base.lastExecuted ? nil : lastExecuted
        delta.runID = runID == base.runID ? nil : runID
        let position = Self.positions(of: base.steps)
        for (key, figures) in steps {
            delta.steps.append((key, figures.subtracting(position[key].map { base.steps[$0].stats } ?? StepStats())))
        }
        return delta
    }

    /// Reorders the steps: the keys in `order` first, in that order, then every other recorded key
    /// in its current order (the figures of steps since removed or renamed are kept).
    package func ordered(by order: [String]) -> ProcedureStats {
        var result = self
        let position = Self.positions(of: steps)
        var placed: Set<String> = []
        result.steps = []
        result.steps.reserveCapacity(steps.count)
        for key in order {
            guard let index = position[key], placed.insert(key).inserted else { continue }
            result.steps.append(steps[index])
        }
        result.steps += steps.filter { !placed.contains($0.key) }
        return result
    }

    /// Where each key first stands in `steps`, so that matching steps by key stays linear.
    private static func positions(of steps: [(key: String, stats: StepStats)]) -> [String: Int] {
        var position: [String: Int] = [:]
        position.reserveCapacity(steps.count)
        for (index, step) in steps.enumerated() where position[step.key] == nil { position[step.key] = index }
        return position
    }

    /// The later of two ISO 8601 UTC times (they compare as text), or whichever is present.
    static func later(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b else { return a }
        return b > a ? b : a
    }

    /// Whether two sets of figures are equal, steps compared in order.
    package static func == (lhs: ProcedureStats, rhs: ProcedureStats) -> Bool {
        lhs.executionCount == rhs.executionCount && lhs.successes == rhs.successes && lhs.failures == rhs.failures
            && lhs.totalDurationMilliseconds == rhs.totalDurationMilliseconds && lhs.lastExecuted == rhs.lastExecuted
            && lhs.runID == rhs.runID
            && lhs.steps.map(\.key) == rhs.steps.map(\.key) && lhs.steps.map(\.stats) == rhs.steps.map(\.stats)
    }

    /// Hashes every figure, steps in order.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(executionCount)
        hasher.combine(successes)
        hasher.combine(failures)
        hasher.combine(totalDurationMilliseconds)
        hasher.combine(lastExecuted)
        hasher.combine(runID)
        for step in steps {
            hasher.combine(step.key)
            hasher.combine(step.stats)
        }
    }
}
