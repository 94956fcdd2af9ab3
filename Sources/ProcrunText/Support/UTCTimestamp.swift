import Glibc

/// The current time as ISO 8601 UTC text, `2026-11-25T13:03:26Z`: what `last_executed` holds.
package enum UTCTimestamp {
    /// Now, to the second.
    package static func now() -> String {
        format(secondsSinceEpoch: Int(time(nil)))
    }

    /// A time given in seconds since the epoch.
    package static func format(secondsSinceEpoch seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A time given in seconds since the epoch as its UTC day, `2026-11-30`.
    package static func day(secondsSinceEpoch seconds: Int) -> String {
        String(format(secondsSinceEpoch: seconds).prefix(10))
    }
}
