import ProcrunLanguage
import ProcrunMemory
import ProcrunText

/// The words and figures every format of `procrun report` shares, so the page, the Markdown, the
/// text and the JSON never say different things.
extension LibraryHealth {
    /// The period as days in UTC: `2026-09-02 – 2026-12-01`.
    var periodText: String {
        "\(Self.day(since)) – \(Self.day(until))"
    }

    /// How many procedures and commits the report covers: `7 procedures, 35 commits`, `1 commit`.
    var sizeText: String {
        func counted(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return counted(procedures.count, "procedure") + ", " + counted(commits, "commit")
    }

    /// A time in seconds since the epoch as its UTC day, `2026-11-30`.
    static func day(_ seconds: Int) -> String {
        UTCTimestamp.day(secondsSinceEpoch: seconds)
    }

    /// What needs a look, in the order a reader should take it: one line per finding, each
    /// naming its procedure.
    var attention: [(procedure: String, finding: String)] {
        var found: [(String, String)] = []
        for procedure in procedures {
            let name = procedure.name
            for (key, figures) in procedure.failingSteps {
                found.append((name, "step '\(key)' failed \(figures.failures) of \(figures.runs) runs in the period"))
            }
            for (key, figures) in procedure.flakySteps {
                found.append((name, "step '\(key)' is flaky: failed \(figures.failures) of \(figures.runs) runs in the period"))
            }
            if procedure.successTrend == .worse { found.append((name, "success rate went down over the period")) }
            if procedure.durationTrend == .worse { found.append((name, "runs got slower over the period")) }
            if procedure.supersededBy == nil {
                if procedure.neverRun {
                    found.append((name, "never run"))
                } else if procedure.isStale(at: until), let last = procedure.lastRun {
                    found.append((name, "not run for \((until - last) / 86_400) days (last run \(Self.day(last)))"))
                }
            }
        }
        return found
    }

    /// A trend as a word.
    static func word(_ trend: ProcedureHealth.Trend, better: String, worse: String) -> String {
        switch trend {
        case .better: better
        case .worse: worse
        case .steady: "steady"
        case .unknown: "too few runs to tell"
        }
    }

    /// The success rates of a procedure's spans as a row of block characters, `▇█▅·█`, a `·`
    /// where nothing ran: the text form of the trend line.
    static func sparkline(_ values: [Int?], maximum: Int) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { value -> Character in
            guard let value else { return "·" }
            guard maximum > 0 else { return blocks[0] }
            return blocks[min(7, max(0, value * 7 / maximum))]
        })
    }

    /// The text alternative of a trend line: each span's value, `–` where nothing ran.
    static func spoken(_ values: [Int?], _ shown: (Int) -> String) -> String {
        values.map { $0.map(shown) ?? "–" }.joined(separator: ", ")
    }
}

extension ProcedureHealth {
    /// Each span's success rate in thousandths (nil where nothing ran).
    var successSeries: [Int?] { buckets.map(\.successRateThousandths) }
    /// Each span's average duration in milliseconds (nil where nothing ran).
    var durationSeries: [Int?] { buckets.map(\.averageMilliseconds) }
    /// The success rate now as text, `-` before any run.
    var successNow: String { neverRun ? "-" : StatsRow.percent(now.successRateThousandths) }
    /// The period's success rate as text, `-` when nothing ran in it.
    var successInPeriod: String { period.executionCount == 0 ? "-" : StatsRow.percent(period.successRateThousandths) }
    /// The day of the last run (UTC), `never` before any run.
    var lastRunText: String { lastRun.map(LibraryHealth.day) ?? "never" }
    /// The average duration now as text, `-` before any run.
    var durationNow: String { neverRun ? "-" : DurationText.format(milliseconds: now.averageDurationMilliseconds) }
}

extension LibraryHealth {
    /// How long one span of the trend lines is: `7.5 days`, `1 day`, `3 h`.
    var spanText: String {
        let seconds = (until - since + 1) / Self.bucketCount
        if seconds >= 86_400 {
            let tenths = (seconds * 10 + 43_200) / 86_400
            let days = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            return days == "1" ? "1 day" : "\(days) days"
        }
        return "\(max(1, seconds / 3_600)) h"
    }

    /// Every call between the library's procedures, caller then callee, sorted.
    var callEdges: [(caller: String, callee: String)] {
        procedures.flatMap { procedure in procedure.calls.map { (procedure.name, $0) } }.sorted { ($0.caller, $0.callee) < ($1.caller, $1.callee) }
    }
}

extension ProcedureHealth {
    /// The success rate's trend in words: `more reliable`, `less reliable`, `steady`, ...
    var successTrendWord: String { LibraryHealth.word(successTrend, better: "more reliable", worse: "less reliable") }
    /// The duration's trend in words: `faster`, `slower`, `steady`, ...
    var durationTrendWord: String { LibraryHealth.word(durationTrend, better: "faster", worse: "slower") }
    /// The success rates of the spans as words, `100.0%, –, 80.0%`: a trend line's text alternative.
    var successSpoken: String { LibraryHealth.spoken(successSeries, StatsRow.percent) }
    /// The average durations of the spans as words, `51.8s, –, 53.1s`: a trend line's text alternative.
    var durationSpoken: String { LibraryHealth.spoken(durationSeries) { DurationText.format(milliseconds: $0) } }
}
