/// A duration as procrun shows it to people, the one way everywhere (progress lines, `stats`,
/// `review`, `similar`, recording, timeout errors): under a second in whole milliseconds (`850ms`),
/// under a minute in seconds with at most two decimals, rounded, trailing zeros left out (`1.25s`,
/// `1.2s`, `2s`), then in minutes and two-digit seconds (`2m05s`, `2m`). A duration written in a
/// file (`timeout: 1s`) is shown as written. Files and JSON keep durations as integer milliseconds.
package enum DurationText {
    /// `milliseconds` as shown (negative counts as 0).
    package static func format(milliseconds: Int) -> String {
        let milliseconds = max(0, milliseconds)
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        let hundredths = (milliseconds + 5) / 10
        if hundredths < 6000 {
            let fraction = hundredths % 100
            if fraction == 0 { return "\(hundredths / 100)s" }
            let digits = fraction < 10 ? "0\(fraction)" : fraction % 10 == 0 ? "\(fraction / 10)" : "\(fraction)"
            return "\(hundredths / 100).\(digits)s"
        }
        let seconds = max(60, milliseconds / 1000)
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s"
    }

    /// `nanoseconds` as shown, counted in whole milliseconds.
    package static func format(nanoseconds: UInt64) -> String {
        format(milliseconds: Int(clamping: nanoseconds / 1_000_000))
    }

    /// `duration` as shown, counted in whole milliseconds.
    static func format(_ duration: Duration) -> String {
        format(milliseconds: duration.wholeMilliseconds)
    }
}
