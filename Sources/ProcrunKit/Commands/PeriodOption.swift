import ArgumentParser
import Glibc
import ProcrunText

/// `--since DATE` and `--until DATE`: the period of git history a command reads, declared once
/// for `history` and `report`.
package struct PeriodOption: ParsableArguments {
    /// `--since`, as given.
    @Option(help: ArgumentHelp("Only commits from this day or time on: 2026-11-01, 2026-11-01T09:30:00Z, or back from now: 30d, 2w.", valueName: "DATE"))
    var since: String?
    /// `--until`, as given.
    @Option(help: ArgumentHelp("Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default: now).", valueName: "DATE"))
    var until: String?

    /// No bounds given.
    package init() {}

    /// The period in seconds since the epoch: `since` is nil when not given and `defaultDays` is
    /// nil (no lower bound), else `defaultDays` before `until`. Throws on text that names no date,
    /// or on a `since` after `until`.
    func period(defaultDays: Int?, now: Int = Int(time(nil))) throws(Diagnostic) -> (since: Int?, until: Int) {
        var end = now
        if let until {
            guard let time = DateText.seconds(until, now: now, endOfDay: true) else { throw Diagnostic(CommandProblem.notDate(option: "--until", text: until)) }
            end = time
        }
        var start = defaultDays.map { end - $0 * 86_400 }
        if let since {
            guard let time = DateText.seconds(since, now: now) else { throw Diagnostic(CommandProblem.notDate(option: "--since", text: since)) }
            start = time
        }
        if let start, start > end {
            throw Diagnostic(CommandProblem.emptyPeriod(since: since ?? UTCTimestamp.format(secondsSinceEpoch: start), until: until ?? "now"))
        }
        return (start, end)
    }
}
