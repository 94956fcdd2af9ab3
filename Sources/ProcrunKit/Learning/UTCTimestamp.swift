import Glibc

/// Times as the stats block writes them: UTC, ISO 8601, whole seconds (`2026-11-25T13:05:00Z`).
public enum UTCTimestamp {
    /// The current time.
    public static func now() -> String {
        format(secondsSinceEpoch: Int(time(nil)))
    }

    /// The time `seconds` after 1970-01-01T00:00:00Z.
    public static func format(secondsSinceEpoch seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&value, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Whether `text` has the form `YYYY-MM-DDTHH:MM:SSZ`.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        let separators: [Int: UInt8] = [4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 90]
        return digitPositions.allSatisfy { (48...57).contains(bytes[$0]) } && separators.allSatisfy { bytes[$0.key] == $0.value }
    }
}
