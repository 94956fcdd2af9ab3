import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension LibraryHealth {
    /// The report as lines for a terminal: a table of procedures with their trend lines, then
    /// what needs a look.
    func text() -> String {
        // Names and errors come from files: nothing in them may change the terminal.
        let shown = { (text: String) in TerminalSanitizer.clean(text) }
        var out = "library \(shown(root)): \(sizeText) in \(periodText)\n"
        guard !procedures.isEmpty else { return out }
        var rows = [["PROCEDURE", "RUNS", "SUCCESS", "IN PERIOD", "SUCCESS TREND", "AVG", "LAST RUN"]]
        for procedure in procedures {
            rows.append([
                shown(procedure.name + (procedure.supersededBy.map { " (superseded by \($0))" } ?? "")), "\(procedure.now.executionCount)",
                procedure.successNow, "\(procedure.period.executionCount) at \(procedure.successInPeriod)",
                Self.sparkline(procedure.successSeries, maximum: 1000), procedure.durationNow,
                procedure.lastRunText,
            ])
        }
        out += "\n" + StatsRow.align(rows)
        let findings = attention
        if !findings.isEmpty {
            out += "\nneeds a look:\n"
            for (procedure, finding) in findings { out += "  \(shown(procedure)): \(shown(finding))\n" }
        }
        return out
    }
}
