/// A date or time given on the command line (`--since`, `--until`): `2026-11-01` (a day, UTC),
/// `2026-11-01T09:30:00Z` (a time, UTC), or a span back from now, `30d`, `2w`, `30 days`, `2 weeks`.
package enum DateText {
    /// The seconds since the epoch that `text` names, `now` being the current time; a day alone
    /// is its first second, or its last when `endOfDay` (so `--until 2026-11-30` includes that
    /// day). Nil for text in none of the forms.
    package static func seconds(_ text: String, now: Int, endOfDay: Bool = false) -> Int? {
        let trimmed = text.split(separator: " ").joined(separator: " ")
        if let time = LocalTime.secondsSinceEpoch(trimmed) { return time }
        if trimmed.utf8.count == 10, let day = LocalTime.secondsSinceEpoch(trimmed + "T00:00:00Z") {
            return endOfDay ? day + 86_399 : day
        }
        // A span back from now: a number, then a unit.
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let count = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).drop { $0 == " " }
        let days: Int
        switch unit {
        case "d", "day", "days": days = count
        case "w", "week", "weeks": days = count * 7
        default: return nil
        }
        return now - days * 86_400
    }
}
