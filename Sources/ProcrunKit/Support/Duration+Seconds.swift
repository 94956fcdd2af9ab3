extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// A duration from seconds, clamped to at most an hour... times a thousand.
    static func clampedSeconds(_ seconds: Double) -> Duration {
        .nanoseconds(Int64(max(0, min(seconds, 3.6e6)) * 1e9))
    }

    /// A short human form: `500ms`, `1.5s`, `2m`.
    var shortDescription: String {
        let value = seconds
        if value < 1 { return "\(Int((value * 1000).rounded()))ms" }
        if value < 60 { return value == value.rounded() ? "\(Int(value))s" : "\((value * 10).rounded() / 10)s" }
        return value.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(value / 60))m" : "\(Int(value))s"
    }
}
