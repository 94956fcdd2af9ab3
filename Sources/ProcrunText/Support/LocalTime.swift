import Glibc

/// A `last_executed` time as a person reads it: in the machine's time zone (`TZ`), to the minute,
/// with how long ago it was, `2026-12-06 14:03 (3 h ago)`. Files and JSON keep the UTC text.
package enum LocalTime {
    /// `utc` (`YYYY-MM-DDTHH:MM:SSZ`) shown in local time with its age at `now` (seconds since the
    /// epoch); any other text is shown as it is.
    package static func shown(_ utc: String, now: Int = Int(time(nil))) -> String {
        guard let seconds = secondsSinceEpoch(utc) else { return utc }
        var value = time_t(seconds)
        var parts = tm()
        localtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
        return "\(date) (\(age(now - seconds)))"
    }

    /// How long ago something was, `seconds` before now: `just now`, `5 min ago`, `3 h ago`,
    /// `1 day ago`, `4 months ago`, `2 years ago`; `in the future` past a minute of clock skew.
    package static func age(_ seconds: Int) -> String {
        let minute = 60, hour = 3_600, day = 86_400
        func count(_ number: Int, _ unit: String) -> String { "\(number) \(unit)\(number == 1 ? "" : "s") ago" }
        switch seconds {
        case ..<(-minute): return "in the future"
        case ..<minute: return "just now"
        case ..<hour: return "\(seconds / minute) min ago"
        case ..<day: return "\(seconds / hour) h ago"
        case ..<(60 * day): return count(seconds / day, "day")
        case ..<(365 * day): return count(seconds / (30 * day), "month")
        default: return count(seconds / (365 * day), "year")
        }
    }

    /// The seconds since the epoch that `YYYY-MM-DDTHH:MM:SSZ` names; nil for other text, and for
    /// a time that does not exist (a 13th month, a 31st of November).
    package static func secondsSinceEpoch(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = dayOfMonth
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = Int(timegm(&parts))
        // timegm carries a day or month out of range into the next (2026-13-45 is a day of 2027).
        return UTCTimestamp.format(secondsSinceEpoch: seconds) == text ? seconds : nil
    }
}
