import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension ReviewReport {
    /// The report as one line of JSON: `{"base", "head", "files": [...]}` (grammar.md lists the fields).
    func json() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("base", base)
        json.string("head", head)
        json.beginArray("files")
        for review in reviews {
            json.beginObject()
            json.string("file", review.path)
            json.string("status", review.status.rawValue)
            json.beginArray("problems")
            for problem in review.problems {
                json.beginObject()
                json.string("side", problem.side)
                json.string("message", problem.message)
                json.endObject()
            }
            json.endArray()
            if let authored = review.authored { Self.write(authored, status: review.status, into: &json) }
            if let record = review.record { Self.write(record, into: &json) }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    private static func write(_ authored: ProcedureReview.Authored, status: ProcedureReview.Status, into json: inout JSONWriter) {
        json.beginObject("authored")
        if status != .modified { json.integer("steps", authored.stepCount) }
        for (name, steps) in [("steps_added", authored.stepsAdded), ("steps_removed", authored.stepsRemoved), ("steps_changed", authored.stepsChanged)] {
            json.beginArray(name)
            for step in steps { write(step, into: &json) }
            json.endArray()
        }
        for (what, names) in [("inputs", authored.inputs), ("outputs", authored.outputs)] {
            for (change, list) in [("added", names.added), ("removed", names.removed), ("changed", names.changed)] {
                json.raw("\(what)_\(change)", Value.list(list.map(Value.string)).jsonText)
            }
        }
        for (name, change) in [("version", authored.version), ("superseded_by", authored.supersededBy)] {
            guard let change else { continue }
            json.beginObject(name)
            json.string("before", change.before)
            json.string("after", change.after)
            json.endObject()
        }
        json.raw("other_keys", Value.list(authored.otherKeys.map(Value.string)).jsonText)
        json.endObject()
    }

    private static func write(_ record: ProcedureReview.Record, into json: inout JSONWriter) {
        json.beginObject("record")
        json.integer("runs_before", record.runsBefore)
        json.integer("runs_after", record.runsAfter)
        json.raw("success_rate_before", StatsArithmetic.decimal(thousandths: record.rateBefore))
        json.raw("success_rate_after", StatsArithmetic.decimal(thousandths: record.rateAfter))
        for (name, steps) in [("newly_failed", record.newlyFailed), ("newly_slow", record.newlySlow), ("optimize_would_remove", record.optimizeWouldRemove)] {
            json.beginArray(name)
            for step in steps { write(step, into: &json) }
            json.endArray()
        }
        json.raw("orphans", Value.list(record.orphans.map(Value.string)).jsonText)
        json.endObject()
    }

    private static func write(_ step: ProcedureReview.Step, into json: inout JSONWriter) {
        json.beginObject()
        json.string("key", step.key)
        json.string("step", step.label)
        json.string("action", step.action)
        if step.runs > 0 || step.failures > 0 {
            json.integer("failures", step.failures)
            json.integer("runs", step.runs)
        }
        if let error = step.lastError { json.string("last_error", error) }
        if step.averageMilliseconds > 0 { json.integer("avg_duration_ms", step.averageMilliseconds) }
        json.endObject()
    }
}
