import ProcrunLanguage

/// Counter arithmetic that never traps: sums saturate at ``maxCounter``, differences stop at zero.
package enum StatsArithmetic {
    /// The largest counter procrun writes or accepts (the same bound `procrun check` enforces).
    package static let maxCounter = StatsValidator.maxCounter

    /// `a + b`, capped at ``maxCounter`` (negative inputs count as zero).
    package static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = max(0, a).addingReportingOverflow(max(0, b))
        return overflow ? maxCounter : min(sum, maxCounter)
    }

    /// `a - b`, never below zero.
    package static func subtract(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? 0 : max(0, difference)
    }

    /// `total / count` rounded to the nearest whole number; 0 when `count` is 0.
    package static func average(_ total: Int, over count: Int) -> Int {
        guard count > 0, total >= 0 else { return 0 }
        return total / count + (total % count >= count - count / 2 ? 1 : 0)
    }

    /// `part / whole` in thousandths, rounded half up, from 0 to 1000; 0 when `whole` is 0.
    package static func thousandths(_ part: Int, of whole: Int) -> Int {
        guard whole > 0, part > 0 else { return 0 }
        let clamped = min(part, whole)
        let (scaled, overflow) = clamped.multipliedReportingOverflow(by: 1000)
        if overflow { return Int((Double(clamped) / Double(whole) * 1000).rounded()) }
        return (scaled + whole / 2) / whole
    }

    /// Thousandths written as a decimal with three places: `875` → `0.875`, `1000` → `1.000`.
    package static func decimal(thousandths value: Int) -> String {
        let clamped = max(0, min(value, 1000))
        let fraction = String(clamped % 1000)
        return "\(clamped / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
