/// The recorded figures of one step, as the `stats.steps.KEY` mapping holds them.
///
/// `runs` counts the times the step ran (succeeded or failed); `skips` counts the times its `when`
/// was false. The average is always recomputed from the counters.
package struct StepStats: Sendable, Hashable {
    /// Times the step ran (successes and failures).
    package var runs = 0
    /// Times it succeeded.
    package var successes = 0
    /// Times it failed.
    package var failures = 0
    /// Times it was skipped by its `when`.
    package var skips = 0
    /// Wall time of every run together, in milliseconds.
    package var totalDurationMilliseconds = 0
    /// Failures because the step's time ran out (its `timeout`, a caller's, or the grace of
    /// `finally` steps): counted by the failure's kind, so `optimize` never reads the error's text.
    package var timeouts = 0
    /// The first line of the most recent error, if the step ever failed.
    package var lastError: String?

    /// Empty figures.
    package init() {}

    /// The average wall time of a run, rounded to the nearest millisecond (0 before any run).
    package var averageDurationMilliseconds: Int {
        StatsArithmetic.average(totalDurationMilliseconds, over: runs)
    }

    /// True when the step failed more often than it succeeded.
    package var isFailing: Bool { runs > 0 && failures > successes }

    /// These figures with `other`'s counters added, each capped at ``StatsArithmetic/maxCounter``.
    package func adding(_ other: StepStats) -> StepStats {
        var sum = StepStats()
        sum.runs = StatsArithmetic.add(runs, other.runs)
        sum.successes = StatsArithmetic.add(successes, other.successes)
        sum.failures = StatsArithmetic.add(failures, other.failures)
        sum.skips = StatsArithmetic.add(skips, other.skips)
        sum.totalDurationMilliseconds = StatsArithmetic.add(totalDurationMilliseconds, other.totalDurationMilliseconds)
        sum.timeouts = StatsArithmetic.add(timeouts, other.timeouts)
        sum.lastError = other.lastError ?? lastError
        return sum
    }

    /// The change from `base` to these figures (counters only, never below zero).
    package func subtracting(_ base: StepStats) -> StepStats {
        var delta = StepStats()
        delta.runs = StatsArithmetic.subtract(runs, base.runs)
        delta.successes = StatsArithmetic.subtract(successes, base.successes)
        delta.failures = StatsArithmetic.subtract(failures, base.failures)
        delta.skips = StatsArithmetic.subtract(skips, base.skips)
        delta.totalDurationMilliseconds = StatsArithmetic.subtract(totalDurationMilliseconds, base.totalDurationMilliseconds)
        delta.timeouts = StatsArithmetic.subtract(timeouts, base.timeouts)
        delta.lastError = lastError == base.lastError ? nil : lastError
        return delta
    }
}
