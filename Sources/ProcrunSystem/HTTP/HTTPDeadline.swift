import Glibc
import ProcrunText
// timespec's members are found through this module in some batches of a build (MemberImportVisibility).
import SwiftOverlayShims

/// The moment an HTTP exchange must be over, on the monotonic clock.
struct HTTPDeadline {
    /// Milliseconds on the monotonic clock.
    private let end: Int64
    /// The timeout as procrun shows durations (``DurationText``), like `5.00s` or `300ms`.
    let label: String

    init(timeout: Duration) {
        let milliseconds = Self.milliseconds(timeout)
        end = Self.now() &+ milliseconds
        label = DurationText.format(milliseconds: Int(clamping: milliseconds))
    }

    /// The error for a timed-out exchange.
    var error: HTTPError { HTTPError("timed out after \(label)") }

    /// Milliseconds left, clamped for `poll`; 0 once the deadline has passed.
    func remainingMilliseconds() -> Int32 {
        let left = end &- Self.now()
        return Int32(clamping: max(0, left))
    }

    private static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) &* 1000 &+ Int64(spec.tv_nsec) / 1_000_000
    }

    /// The duration in whole milliseconds, rounded up, clamped to 0 ... 10^12 seconds.
    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        if seconds >= 1_000_000_000_000 { return 1_000_000_000_000_000 }
        let fraction = (max(0, attoseconds) + 999_999_999_999_999) / 1_000_000_000_000_000
        return seconds * 1000 + fraction
    }
}
