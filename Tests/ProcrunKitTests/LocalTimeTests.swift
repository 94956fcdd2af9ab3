import Testing

@testable import ProcrunText

/// `stats` shows a run's time as a person reads it: local, to the minute, with its age.
@Suite("local time")
struct LocalTimeTests {
    @Test("an age reads in the largest whole unit", arguments: [
        (0, "just now"), (59, "just now"), (-30, "just now"), (-61, "in the future"), (60, "1 min ago"), (3_599, "59 min ago"),
        (3_600, "1 h ago"), (86_399, "23 h ago"), (86_400, "1 day ago"), (2 * 86_400, "2 days ago"), (60 * 86_400, "2 months ago"),
        (365 * 86_400, "1 year ago"), (800 * 86_400, "2 years ago"),
    ])
    func age(seconds: Int, text: String) {
        #expect(LocalTime.age(seconds) == text)
    }

    @Test("last_executed is read as UTC; other text is shown as it is")
    func parse() {
        #expect(LocalTime.secondsSinceEpoch("1970-01-01T00:00:00Z") == 0)
        #expect(LocalTime.secondsSinceEpoch("2026-12-06T10:00:00Z") == 1_796_551_200)
        #expect(LocalTime.secondsSinceEpoch("2026-12-06 10:00:00") == nil)
        #expect(LocalTime.secondsSinceEpoch("2026-12-06T1x:00:00Z") == nil)
        #expect(LocalTime.shown("yesterday", now: 0) == "yesterday")
    }
}
