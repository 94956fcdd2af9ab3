import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension ProcedureHistory {
    /// The history as `procrun history` prints it: a line of totals, the renames, then a row per
    /// commit that added runs (dates in UTC).
    func text(name: String, bounded: Bool) -> String {
        // Names, paths and subjects come from files and commits: nothing in them may change the terminal.
        let shown = { (text: String) in TerminalSanitizer.clean(text) }
        let total = points.reduce(ProcedureStats()) { $0.adding($1.added) }
        var out = "\(shown(name)) (\(shown(path))): "
        if points.isEmpty {
            out += bounded ? "no commit in the period recorded a run\n" : "no commit recorded a run\n"
        } else {
            let commits = points.count == 1 ? "1 commit" : "\(points.count) commits"
            out += "\(commits) added \(total.executionCount) run\(total.executionCount == 1 ? "" : "s"), "
            out += "\(total.successes) succeeded (\(StatsRow.percent(total.successRateThousandths)))\n"
        }
        if paths.count > 1 { out += "renamed: " + paths.map(shown).joined(separator: " → ") + "\n" }
        for commit in wentDown {
            out += "counters went down at \(commit.sha.prefix(10)) (a revert or a reset): nothing counted there\n"
        }
        guard !points.isEmpty else { return out }
        var rows = [["COMMIT", "DATE", "RUNS", "SUCCESS", "AVG", "FAILED STEPS", "SUBJECT"]]
        for point in points {
            let failed = point.failedSteps.map { "\(shown($0.key)) (\($0.stats.failures))" }.joined(separator: ", ")
            rows.append([
                String(point.commit.sha.prefix(10)), UTCTimestamp.day(secondsSinceEpoch: point.commit.date),
                "\(point.added.executionCount)", StatsRow.percent(point.added.successRateThousandths),
                DurationText.format(milliseconds: point.added.averageDurationMilliseconds), failed.isEmpty ? "-" : failed,
                (point.commit.isMerge ? "merge: " : "") + shown(point.commit.subject),
            ])
        }
        return out + StatsRow.align(rows)
    }

    /// The history as one line of JSON (grammar.md, "procrun history").
    func json(name: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("procedure", name)
        json.string("path", path)
        json.raw("paths", Value.list(paths.map(Value.string)).jsonText)
        json.beginArray("points")
        for point in points {
            json.beginObject()
            json.string("commit", point.commit.sha)
            json.string("date", UTCTimestamp.format(secondsSinceEpoch: point.commit.date))
            json.string("subject", point.commit.subject)
            json.boolean("merge", point.commit.isMerge)
            json.string("path", point.path)
            json.integer("runs", point.added.executionCount)
            json.integer("successes", point.added.successes)
            json.integer("failures", point.added.failures)
            json.raw("success_rate", StatsArithmetic.decimal(thousandths: point.added.successRateThousandths))
            json.integer("total_duration_ms", point.added.totalDurationMilliseconds)
            json.integer("avg_duration_ms", point.added.averageDurationMilliseconds)
            json.beginArray("failed_steps")
            for (key, figures) in point.failedSteps {
                json.beginObject()
                json.string("step", key)
                json.integer("failures", figures.failures)
                json.integer("timeouts", figures.timeouts)
                json.string("last_error", figures.lastError)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.beginArray("went_down")
        for commit in wentDown { json.string(nil, commit.sha) }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }
}
