import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension LibraryHealth {
    /// The report as Markdown, for `$GITHUB_STEP_SUMMARY` and pull-request comments: tables, the
    /// trend lines as block characters (images cannot go there), and the calls as a Mermaid
    /// chart, which GitHub draws.
    func markdown() -> String {
        let text = MarkdownText.escaped
        var out = "## procrun report: \(text(root))\n\n"
        out += "\(periodText) · \(sizeText)\n\n"
        out += "### Needs a look\n\n"
        let findings = attention
        out += findings.isEmpty ? "Nothing needs a look.\n" : findings.map { "- **\(text($0.procedure))**: \(text($0.finding))\n" }.joined()
        guard !procedures.isEmpty else { return out }
        out += "\n### Procedures\n\n"
        out += "| Procedure | Runs | Success | In period | Success by span | Duration by span | Avg | Last run |\n"
        out += "| --- | ---: | ---: | ---: | --- | --- | ---: | --- |\n"
        for procedure in procedures {
            let name = text(procedure.name) + (procedure.supersededBy.map { " (superseded by \(text($0)))" } ?? "")
            let longest = procedure.durationSeries.compactMap { $0 }.max() ?? 0
            let success = Self.sparkline(procedure.successSeries, maximum: 1000)
            let duration = Self.sparkline(procedure.durationSeries, maximum: longest)
            out += "| \(name) | \(procedure.now.executionCount) | \(procedure.successNow) | "
            out += "\(procedure.period.executionCount) at \(procedure.successInPeriod) | "
            out += "`\(success)` \(procedure.successTrendWord) | "
            out += "`\(duration)` \(procedure.durationTrendWord) | "
            out += "\(procedure.durationNow) | \(procedure.lastRunText) |\n"
        }
        out += "\nEach span is \(spanText) of the period; `·` marks a span with no run.\n"
        out += steps(text)
        out += failures(text)
        out += calls()
        return out
    }

    /// The steps that need a look: flaky, failing, slow.
    private func steps(_ text: (String) -> String) -> String {
        var rows: [String] = []
        for procedure in procedures {
            for (kind, steps) in [("flaky", procedure.flakySteps), ("failing", procedure.failingSteps)] {
                for (key, figures) in steps {
                    rows.append("| \(text(procedure.name)) | \(text(key)) | \(kind) | failed \(figures.failures) of \(figures.runs) runs in the period |\n")
                }
            }
            for (key, figures) in procedure.slowSteps {
                let share = StatsArithmetic.thousandths(figures.averageDurationMilliseconds, of: procedure.now.averageDurationMilliseconds)
                rows.append("| \(text(procedure.name)) | \(text(key)) | slow | \(DurationText.format(milliseconds: figures.averageDurationMilliseconds)) a run, \(StatsRow.percent(share)) of the procedure's time |\n")
            }
        }
        guard !rows.isEmpty else { return "" }
        return "\n### Steps\n\n| Procedure | Step | Kind | Figures |\n| --- | --- | --- | --- |\n" + rows.joined()
    }

    /// Each procedure's steps' last errors.
    private func failures(_ text: (String) -> String) -> String {
        var rows: [String] = []
        for procedure in procedures {
            for failure in procedure.failureKinds {
                rows.append("| \(text(procedure.name)) | \(text(failure.key)) | \(text(failure.lastError)) | \(failure.failures) | \(failure.timeouts) |\n")
            }
        }
        guard !rows.isEmpty else { return "" }
        return "\n### Last failures\n\n| Procedure | Step | Last error | Failures | Time-outs |\n| --- | --- | --- | ---: | ---: |\n" + rows.joined()
    }

    /// Who calls whom, as a Mermaid flowchart.
    private func calls() -> String {
        let edges = callEdges
        guard !edges.isEmpty else { return "" }
        var ids: [String: String] = [:]
        var out = "\n### Calls\n\n```mermaid\nflowchart LR\n"
        for name in Set(edges.flatMap { [$0.caller, $0.callee] }).sorted() {
            ids[name] = "n\(ids.count)"
            out += "    \(ids[name]!)[\"\(GraphCommand.mermaidText(name))\"]\n"
        }
        for edge in edges { out += "    \(ids[edge.caller]!) --> \(ids[edge.callee]!)\n" }
        return out + "```\n"
    }
}
