/// The keys of one step's figures under `stats.steps` (`StepStats`), in the order procrun writes
/// them (`avg_duration_ms` is read and checked, never written: it is derived from the others): the
/// table of ``StatsKey`` for a step.
package enum StepStatsKey: String, CaseIterable {
    /// Times the step ran (successes + failures).
    case runs
    /// Runs that succeeded.
    case successes
    /// Runs that failed.
    case failures
    /// Times its `when` was false.
    case skips
    /// Wall time of its runs, in milliseconds.
    case totalDurationMilliseconds = "total_duration_ms"
    /// The average run, in milliseconds (derived, not written).
    case averageDurationMilliseconds = "avg_duration_ms"
    /// Failures because the step's time ran out (written when not 0).
    case timeouts
    /// The first line of the most recent error.
    case lastError = "last_error"

    /// Whether the key holds a counter.
    var isCounter: Bool { self != .lastError }

    /// The key's JSON Schema, on one line.
    var schema: String {
        switch self {
        case .runs: StatsKey.counter("Times the step ran (successes + failures).")
        case .successes: StatsKey.counter("Runs that succeeded.")
        case .failures: StatsKey.counter("Runs that failed.")
        case .skips: StatsKey.counter("Times its `when` was false.")
        case .totalDurationMilliseconds: StatsKey.counter("Wall time of its runs, in milliseconds.")
        case .averageDurationMilliseconds: StatsKey.counter("The average run, in milliseconds.")
        case .timeouts: StatsKey.counter("Failures because the step's time ran out (left out when 0).")
        case .lastError: #"{"type": ["string", "null"], "description": "The first line of the most recent error."}"#
        }
    }

    /// The key names, in order.
    package static let names = allCases.map(\.rawValue)
    /// The names of the counters, in order.
    package static let counterNames = allCases.filter(\.isCounter).map(\.rawValue)

    /// The members of the schema's `stepStats.properties`, as ``StatsKey/schemaProperties(indent:)``.
    static func schemaProperties(indent: String) -> String {
        allCases.map { indent + "\"\($0.rawValue)\": " + $0.schema }.joined(separator: ",\n")
    }
}
