import ProcrunLanguage
package import ProcrunText

/// One procedure's figures as `procrun stats` shows them, as a table or as JSON.
package struct StatsRow {
    var path: String
    var name: String
    var stats: ProcedureStats
    /// Each step in file order, then steps recorded but no longer in the file.
    var steps: [(key: String, stats: StepStats)]
    /// The keys of recorded figures that match no step of the file (orphans).
    var orphans: Set<String>

    package init(_ document: StatsDocument) {
        path = document.file.path
        name = document.root["name"]?.scalar?.text ?? "?"
        stats = document.stats
        steps = document.stats.ordered(by: document.stepKeys).steps
        orphans = Set(document.orphanKeys)
    }

    /// The marks of a step: `failing`, `slow`, `orphan` (its figures match no step of the file).
    func marks(_ key: String, _ step: StepStats) -> [String] {
        (step.isFailing ? ["failing"] : []) + (Optimizer.isSlow(step, in: stats) ? ["slow"] : []) + (orphans.contains(key) ? ["orphan"] : [])
    }

    /// A rate in thousandths as a percentage: `87.5%`.
    package static func percent(_ thousandths: Int) -> String {
        "\(thousandths / 10).\(thousandths % 10)%"
    }

    /// The table of procedures, and of steps when `withSteps`.
    package static func table(_ rows: [StatsRow], withSteps: Bool) -> String {
        var lines = [["PROCEDURE", "FILE", "RUNS", "SUCCESS", "AVG", "LAST RUN"]]
        for row in rows {
            let runs = row.stats.executionCount
            lines.append([
                row.name, row.path, "\(runs)", runs == 0 ? "-" : percent(row.stats.successRateThousandths),
                runs == 0 ? "-" : DurationText.format(milliseconds: row.stats.averageDurationMilliseconds), row.stats.lastExecuted.map { LocalTime.shown($0) } ?? "never",
            ])
        }
        var out = align(lines)
        if withSteps, let row = rows.first {
            var steps = [["STEP", "RUNS", "OK", "FAILED", "SKIPPED", "AVG", "MARKS"]]
            for (key, step) in row.steps {
                steps.append([
                    key, "\(step.runs)", "\(step.successes)", "\(step.failures)", "\(step.skips)",
                    step.runs == 0 ? "-" : DurationText.format(milliseconds: step.averageDurationMilliseconds), row.marks(key, step).joined(separator: ", "),
                ])
            }
            out += "\n" + align(steps)
            if let failing = row.steps.first(where: { $0.stats.isFailing }) {
                out += "\nlast error of '\(failing.key)': \(failing.stats.lastError ?? "-")\n"
            }
        }
        return out
    }

    /// What `stats --prune` did, a line per file: the orphan keys removed, or that there were none.
    package static func text(pruned: [(file: String, keys: [String])]) -> String {
        guard !pruned.isEmpty else { return "no procedures found\n" }
        return pruned.map { file, keys in
            keys.isEmpty
                ? "\(file): no orphan figures\n"
                : "\(file): removed the figures of \(keys.count) orphan step\(keys.count == 1 ? "" : "s"): \(keys.joined(separator: ", "))\n"
        }.joined()
    }

    /// Columns padded to their widest cell, two spaces apart, trailing spaces removed.
    package static func align(_ lines: [[String]]) -> String {
        var widths: [Int] = []
        for line in lines {
            for (index, cell) in line.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return lines.map { line in
            var text = ""
            for (index, cell) in line.enumerated() {
                text += index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return text.trimmingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// `{"procedures": [...]}` with every figure, derived ones included.
    package static func json(_ rows: [StatsRow]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginArray("procedures")
        for row in rows {
            writer.beginObject()
            writer.string("file", row.path)
            writer.string("name", row.name)
            row.writeFigures(into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text + "\n"
    }

    /// Writes the row's figures, derived ones included, as members of the object being written:
    /// the counters, `success_rate`, the average, `last_executed` (null before any run) and
    /// `steps`, each step's figures with its `key` and marks (`failing`, `slow`, `orphan`).
    /// What `procrun stats --json` and `procrun show --json` give.
    package func writeFigures(into writer: inout JSONWriter) {
        writer.integer(StatsKey.executionCount.rawValue, stats.executionCount)
        writer.integer(StatsKey.successes.rawValue, stats.successes)
        writer.integer(StatsKey.failures.rawValue, stats.failures)
        writer.raw(StatsKey.successRate.rawValue, StatsArithmetic.decimal(thousandths: stats.successRateThousandths))
        writer.integer(StatsKey.totalDurationMilliseconds.rawValue, stats.totalDurationMilliseconds)
        writer.integer(StatsKey.averageDurationMilliseconds.rawValue, stats.averageDurationMilliseconds)
        writer.string(StatsKey.lastExecuted.rawValue, stats.lastExecuted)
        writer.beginArray(StatsKey.steps.rawValue)
        for (key, step) in steps {
            writer.beginObject()
            writer.string("key", key)
            writer.integer(StepStatsKey.runs.rawValue, step.runs)
            writer.integer(StepStatsKey.successes.rawValue, step.successes)
            writer.integer(StepStatsKey.failures.rawValue, step.failures)
            writer.integer(StepStatsKey.skips.rawValue, step.skips)
            writer.integer(StepStatsKey.totalDurationMilliseconds.rawValue, step.totalDurationMilliseconds)
            writer.integer(StepStatsKey.averageDurationMilliseconds.rawValue, step.averageDurationMilliseconds)
            writer.integer(StepStatsKey.timeouts.rawValue, step.timeouts)
            writer.string(StepStatsKey.lastError.rawValue, step.lastError)
            writer.boolean("failing", step.isFailing)
            writer.boolean("slow", Optimizer.isSlow(step, in: stats))
            writer.boolean("orphan", orphans.contains(key))
            writer.endObject()
        }
        writer.endArray()
    }

    /// `{"pruned": [{"file", "keys"}]}`: what `stats --prune --json` did, the keys removed per file.
    package static func json(pruned: [(file: String, keys: [String])]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginArray("pruned")
        for (file, keys) in pruned {
            writer.beginObject()
            writer.string("file", file)
            writer.beginArray("keys")
            for key in keys { writer.string(nil, key) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text + "\n"
    }
}
