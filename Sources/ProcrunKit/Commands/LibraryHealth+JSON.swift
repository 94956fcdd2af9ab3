import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension LibraryHealth {
    /// The report as one line of JSON (grammar.md, "procrun report" lists the fields).
    func json() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("library", root)
        json.string("since", UTCTimestamp.format(secondsSinceEpoch: since))
        json.string("until", UTCTimestamp.format(secondsSinceEpoch: until))
        json.integer("commits", commits)
        json.beginArray("procedures")
        for procedure in procedures { Self.write(procedure, at: until, into: &json) }
        json.endArray()
        json.beginArray("attention")
        for (procedure, finding) in attention {
            json.beginObject()
            json.string("procedure", procedure)
            json.string("finding", finding)
            json.endObject()
        }
        json.endArray()
        json.beginArray("calls")
        for (caller, callee) in callEdges {
            json.beginObject()
            json.string("caller", caller)
            json.string("callee", callee)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    /// One procedure's object.
    private static func write(_ procedure: ProcedureHealth, at until: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.string("name", procedure.name)
        json.string("path", procedure.path)
        json.string("description", procedure.description)
        json.string("superseded_by", procedure.supersededBy)
        json.raw("former_paths", Value.list(procedure.formerPaths.map(Value.string)).jsonText)
        json.beginObject("now")
        writeTotals(procedure.now, into: &json)
        json.string("last_executed", procedure.now.lastExecuted)
        json.endObject()
        json.beginObject("period")
        writeTotals(procedure.period, into: &json)
        json.endObject()
        json.boolean("never_run", procedure.neverRun)
        json.boolean("stale", procedure.isStale(at: until))
        json.string("success_trend", procedure.successTrend.rawValue)
        json.string("duration_trend", procedure.durationTrend.rawValue)
        json.beginArray("spans")
        for bucket in procedure.buckets {
            json.beginObject()
            json.string("start", UTCTimestamp.format(secondsSinceEpoch: bucket.start))
            json.integer("runs", bucket.runs)
            json.integer("successes", bucket.successes)
            json.raw("success_rate", bucket.successRateThousandths.map { StatsArithmetic.decimal(thousandths: $0) } ?? "null")
            json.integer("avg_duration_ms", bucket.averageMilliseconds)
            json.endObject()
        }
        json.endArray()
        for (name, steps) in [("flaky_steps", procedure.flakySteps), ("failing_steps", procedure.failingSteps), ("slow_steps", procedure.slowSteps)] {
            json.beginArray(name)
            for (key, figures) in steps {
                json.beginObject()
                json.string("step", key)
                json.integer("runs", figures.runs)
                json.integer("failures", figures.failures)
                json.integer("avg_duration_ms", figures.averageDurationMilliseconds)
                json.endObject()
            }
            json.endArray()
        }
        json.beginArray("failures")
        for failure in procedure.failureKinds {
            json.beginObject()
            json.string("step", failure.key)
            json.string("last_error", failure.lastError)
            json.integer("failures", failure.failures)
            json.integer("timeouts", failure.timeouts)
            json.endObject()
        }
        json.endArray()
        json.raw("calls", Value.list(procedure.calls.map(Value.string)).jsonText)
        json.raw("called_by", Value.list(procedure.calledBy.map(Value.string)).jsonText)
        json.endObject()
    }

    /// Run counters, the success rate and the average duration.
    private static func writeTotals(_ stats: ProcedureStats, into json: inout JSONWriter) {
        json.integer("runs", stats.executionCount)
        json.integer("successes", stats.successes)
        json.integer("failures", stats.failures)
        json.raw("success_rate", stats.executionCount == 0 ? "null" : StatsArithmetic.decimal(thousandths: stats.successRateThousandths))
        json.integer("total_duration_ms", stats.totalDurationMilliseconds)
        json.integer("avg_duration_ms", stats.averageDurationMilliseconds)
    }
}
