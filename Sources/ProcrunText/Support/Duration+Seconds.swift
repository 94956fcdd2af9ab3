extension Duration {
    /// The duration in seconds, as a floating-point number.
    package var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// A duration from seconds, clamped to at most an hour... times a thousand.
    package static func clampedSeconds(_ seconds: Double) -> Duration {
        .nanoseconds(Int64(max(0, min(seconds, 3.6e6)) * 1e9))
    }

    /// The duration in whole milliseconds (clamped so that it never overflows): how files and JSON
    /// keep durations.
    package var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let limit = Int64.max / 1000 - 1
        return Int(max(-limit, min(seconds, limit)) * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// The duration as procrun shows it to people (``DurationText``): `500ms`, `1.5s`, `2m`.
    package var shortDescription: String {
        DurationText.format(self)
    }
}
