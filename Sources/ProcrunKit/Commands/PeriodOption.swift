import ArgumentParser
import ProcrunMemory
import ProcrunText

/// `--since DATE` and `--until DATE`: the period of git history a command reads, declared once
/// for `history` and `report`, read by ``HistoryPeriod``.
package struct PeriodOption: ParsableArguments {
    /// `--since`, as given.
    @Option(help: ArgumentHelp("Only commits from this day or time on: 2026-11-01, 2026-11-01T09:30:00Z, or back from now: 30d, 2w.", valueName: "DATE"))
    var since: String?
    /// `--until`, as given.
    @Option(help: ArgumentHelp("Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default: now).", valueName: "DATE"))
    var until: String?

    /// No bounds given.
    package init() {}

    /// The period the options give (``HistoryPeriod/init(since:until:defaultDays:now:names:)``).
    func period(defaultDays: Int?) throws(Diagnostic) -> HistoryPeriod {
        try HistoryPeriod(since: since, until: until, defaultDays: defaultDays)
    }
}
