import Glibc
// timespec's members are found through this module in some batches of a build (MemberImportVisibility).
import SwiftOverlayShims

/// Monotonic time in nanoseconds and the conversions the process code needs.
package enum NanosecondClock {
    /// Nanoseconds on CLOCK_MONOTONIC.
    package static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Nanoseconds since the epoch on the wall clock (CLOCK_REALTIME).
    package static func wallNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// A duration in nanoseconds, clamped to 0 ... about 292 years.
    package static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return UInt64(Int64.max) }
        let (total, overflow2) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return overflow2 ? UInt64(Int64.max) : min(total, UInt64(Int64.max))
    }

    /// A poll(2) timeout in milliseconds that reaches `deadline` (rounded up), from `now`.
    package static func pollTimeout(until deadline: UInt64, now: UInt64) -> Int32 {
        if deadline <= now { return 0 }
        let millis = (deadline - now + 999_999) / 1_000_000
        return Int32(clamping: millis)
    }
}
