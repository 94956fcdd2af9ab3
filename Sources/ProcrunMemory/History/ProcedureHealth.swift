/// One procedure as the library health report shows it (``LibraryHealth``): its figures now, what
/// the period's commits added, and what needs attention.
package struct ProcedureHealth: Sendable {
    /// Its `name`.
    package var name: String
    /// Its file, relative to the library's folder.
    package var path: String
    /// Its `description`, if any.
    package var description: String
    /// The procedure it is `superseded_by`, if it is superseded.
    package var supersededBy: String?
    /// Its earlier paths in the repository, oldest first, when it was renamed.
    package var formerPaths: [String] = []
    /// Its figures now, as its file holds them (runs not committed yet included).
    package var now: ProcedureStats
    /// What the period's commits added (each run counted once, merges included).
    package var period = ProcedureStats()
    /// The period cut into ``LibraryHealth/bucketCount`` equal spans of time, each with the runs
    /// the commits in it added: the points of the trend lines.
    package var buckets: [Bucket] = []
    /// The procedures it calls (needs, call steps, `replay_procedure`), by name.
    package var calls: [String] = []
    /// The procedures that call it, by name.
    package var calledBy: [String] = []
    /// When it last ran (`last_executed`, seconds since the epoch); nil when it never did.
    package var lastRun: Int?

    /// The runs added in one span of the period.
    package struct Bucket: Sendable, Hashable {
        /// Where the span starts, in seconds since the epoch.
        package var start: Int
        /// Runs added.
        package var runs = 0
        /// Of which succeeded.
        package var successes = 0
        /// Their wall time together, in milliseconds.
        package var durationMilliseconds = 0
        /// Successes over runs in thousandths; nil when nothing ran.
        package var successRateThousandths: Int? { runs == 0 ? nil : StatsArithmetic.thousandths(successes, of: runs) }
        /// The average run's duration; nil when nothing ran.
        package var averageMilliseconds: Int? { runs == 0 ? nil : StatsArithmetic.average(durationMilliseconds, over: runs) }
    }

    /// Which way a figure went over the period: its second half against its first.
    package enum Trend: String, Sendable {
        /// Success rate up by 5 points or more, or duration down by a sixth or more.
        case better
        /// Success rate down by 5 points or more, or duration up by a fifth or more.
        case worse
        /// Within those bounds.
        case steady
        /// Not enough runs in one of the halves to tell.
        case unknown
    }

    /// It never ran: no run recorded at all.
    package var neverRun: Bool { now.executionCount == 0 }

    /// Whether its last run is more than ``LibraryHealth/staleDays`` days before `time`.
    package func isStale(at time: Int) -> Bool {
        guard let lastRun else { return false }
        return time - lastRun > LibraryHealth.staleDays * 86_400
    }

    /// Steps that failed in 10% to 50% of their runs in the period: flaky rather than broken
    /// (a step failing more often than not is failing, and `optimize` deals with it).
    package var flakySteps: [(key: String, stats: StepStats)] {
        period.steps.filter { $0.stats.runs > 0 && $0.stats.failures * 10 >= $0.stats.runs && $0.stats.failures * 2 <= $0.stats.runs }
    }

    /// Steps that failed more often than they succeeded in the period.
    package var failingSteps: [(key: String, stats: StepStats)] {
        period.steps.filter { $0.stats.isFailing }
    }

    /// Steps that take most of a run's time over all recorded runs, as `optimize` flags them;
    /// none when only one step ever ran (it takes all of the time by itself, which says nothing).
    package var slowSteps: [(key: String, stats: StepStats)] {
        guard now.steps.count(where: { $0.stats.runs > 0 }) > 1 else { return [] }
        return now.steps.filter { Optimizer.isSlow($0.stats, in: now) }
    }

    /// Each step's last error in procrun's words and how many of its failures were time-outs:
    /// steps that failed in the period first, then the rest that ever failed.
    package var failureKinds: [(key: String, lastError: String, failures: Int, timeouts: Int)] {
        let recent = Set(period.steps.filter { $0.stats.failures > 0 }.map(\.key))
        let failed = now.steps.filter { $0.stats.lastError != nil }
        return (failed.filter { recent.contains($0.key) } + failed.filter { !recent.contains($0.key) }).map {
            ($0.key, $0.stats.lastError ?? "", $0.stats.failures, $0.stats.timeouts)
        }
    }

    /// The success rate's trend over the period (halves need 2 runs each).
    package var successTrend: Trend {
        guard let (first, second) = halves, first.runs >= 2, second.runs >= 2 else { return .unknown }
        let change = StatsArithmetic.thousandths(second.successes, of: second.runs) - StatsArithmetic.thousandths(first.successes, of: first.runs)
        return change >= 50 ? .better : change <= -50 ? .worse : .steady
    }

    /// The average duration's trend over the period (halves need 2 runs each).
    package var durationTrend: Trend {
        guard let (first, second) = halves, first.runs >= 2, second.runs >= 2 else { return .unknown }
        let before = StatsArithmetic.average(first.durationMilliseconds, over: first.runs)
        let after = StatsArithmetic.average(second.durationMilliseconds, over: second.runs)
        if after * 5 >= before * 6, after - before >= 10 { return .worse }
        if after * 6 <= before * 5, before - after >= 10 { return .better }
        return .steady
    }

    /// The buckets' figures summed over the first and the second half of the period.
    private var halves: (Bucket, Bucket)? {
        guard buckets.count >= 2 else { return nil }
        func sum(_ part: ArraySlice<Bucket>) -> Bucket {
            part.reduce(into: Bucket(start: part.first?.start ?? 0)) {
                $0.runs += $1.runs
                $0.successes += $1.successes
                $0.durationMilliseconds += $1.durationMilliseconds
            }
        }
        return (sum(buckets[..<(buckets.count / 2)]), sum(buckets[(buckets.count / 2)...]))
    }
}
