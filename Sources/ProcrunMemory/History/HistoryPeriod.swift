import Glibc
package import ProcrunText

/// The period of git history `history` and `report` read, from the texts given for its ends (the
/// command line's `--since` and `--until`, the MCP tools' `since` and `until`): the one reading of
/// both, with the one error for each mistake.
package struct HistoryPeriod: Sendable, Hashable {
    /// The first second of the period, in seconds since the epoch; nil for no lower bound.
    package var since: Int?
    /// The last second of the period (and the moment "not run lately" is judged at).
    package var until: Int

    /// The period `since` to `until` (``DateText``'s forms; a day given as `until` is included
    /// whole), `now` being the current time. `until` defaults to now; `since` to `defaultDays`
    /// before `until`, or no lower bound when `defaultDays` is nil. `names` are what the two ends
    /// are called in errors (`--since`, or an MCP argument's name). Throws on text that names no
    /// date, and on a `since` after `until`.
    package init(
        since: String?, until: String?, defaultDays: Int?, now: Int = Int(time(nil)), names: (since: String, until: String) = ("--since", "--until")
    ) throws(Diagnostic) {
        var end = now
        if let until {
            guard let time = DateText.seconds(until, now: now, endOfDay: true) else { throw Diagnostic(LearningProblem.notDate(option: names.until, text: until)) }
            end = time
        }
        var start = defaultDays.map { end - $0 * 86_400 }
        if let since {
            guard let time = DateText.seconds(since, now: now) else { throw Diagnostic(LearningProblem.notDate(option: names.since, text: since)) }
            start = time
        }
        if let start, start > end {
            let first = since ?? UTCTimestamp.format(secondsSinceEpoch: start)
            throw Diagnostic(LearningProblem.emptyPeriod(since: "\(names.since) \(first)", until: "\(names.until) \(until ?? "now")"))
        }
        self.since = start
        self.until = end
    }
}
