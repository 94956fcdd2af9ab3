/// The keys of a procedure's `stats` block, in the order procrun writes them: the one table that
/// the stats reader and writer, the checker (`StatsValidator`), `ProcedureSummary` and the JSON
/// Schema's `stats` part read. A step's figures have their own keys (``StepStatsKey``).
package enum StatsKey: String, CaseIterable {
    /// Runs recorded.
    case executionCount = "execution_count"
    /// Runs that succeeded.
    case successes
    /// Runs that failed.
    case failures
    /// `successes / execution_count`, written with three decimals.
    case successRate = "success_rate"
    /// Wall time of all runs, in milliseconds.
    case totalDurationMilliseconds = "total_duration_ms"
    /// The average run, in milliseconds (derived).
    case averageDurationMilliseconds = "avg_duration_ms"
    /// When the last run ended, in UTC (``UTCTimestamp``).
    case lastExecuted = "last_executed"
    /// Each step's figures, by its key.
    case steps

    /// Whether the key holds a counter: a whole number from 0 to the schema's `counter` maximum.
    var isCounter: Bool {
        switch self {
        case .executionCount, .successes, .failures, .totalDurationMilliseconds, .averageDurationMilliseconds: true
        case .successRate, .lastExecuted, .steps: false
        }
    }

    /// The key's JSON Schema: one line, or for `steps` several, each after the first indented as
    /// the key's line is (by ``schemaProperties(indent:)``).
    var schema: String {
        switch self {
        case .executionCount: Self.counter("Runs recorded.")
        case .successes: Self.counter("Runs that succeeded.")
        case .failures: Self.counter("Runs that failed.")
        case .successRate:
            #"{"type": "number", "minimum": 0, "maximum": 1, "description": "successes / execution_count, recomputed at every run."}"#
        case .totalDurationMilliseconds: Self.counter("Wall time of all runs, in milliseconds.")
        case .averageDurationMilliseconds: Self.counter("The average run, in milliseconds.")
        case .lastExecuted:
            #"{"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", "description": "When the last run ended: UTC, ISO 8601, whole seconds."}"#
        case .steps:
            #"""
            {
              "type": ["object", "null"],
              "description": "Each step's figures, by its id (or step-N).",
              "additionalProperties": {"$ref": "#/$defs/stepStats"}
            }
            """#
        }
    }

    /// The key names, in order.
    package static let names = allCases.map(\.rawValue)
    /// The names of the counters, in order.
    package static let counterNames = allCases.filter(\.isCounter).map(\.rawValue)

    /// The members of the schema's `stats.properties`, one key a line (`"NAME": SCHEMA`), each
    /// line starting with `indent`, separated by commas.
    static func schemaProperties(indent: String) -> String {
        allCases.map { indent + "\"\($0.rawValue)\": " + indented($0.schema, by: indent) }.joined(separator: ",\n")
    }

    /// A counter's schema with its description.
    static func counter(_ description: String) -> String {
        ##"{"$ref": "#/$defs/counter", "description": "\##(description)"}"##
    }

    /// `schema` with every line after the first indented by `indent`.
    static func indented(_ schema: String, by indent: String) -> String {
        schema.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { $0 == 0 ? String($1) : indent + $1 }.joined(separator: "\n")
    }
}
