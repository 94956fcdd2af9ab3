extension ProcedureStats {
    /// The block's text in procrun's one format: `stats:` then one key per line in a fixed order,
    /// indented by two spaces per level, integers as plain digits, `success_rate` with three
    /// decimals, `last_executed` and `last_error` double-quoted.
    ///
    /// - Parameters:
    ///   - indent: the indentation of the `stats:` line itself (the document's top-level indentation).
    ///   - lineEnding: `"\n"` or `"\r\n"`, as the file uses.
    ///   - finalLineBreak: whether the last line ends with `lineEnding` (false only at the end of a
    ///     file that has no final line break).
    public func rendered(indent: String = "", lineEnding: String = "\n", finalLineBreak: Bool = true) -> String {
        var lines = ["stats:"]
        lines.append("  execution_count: \(executionCount)")
        lines.append("  successes: \(successes)")
        lines.append("  failures: \(failures)")
        lines.append("  success_rate: \(StatsArithmetic.decimal(thousandths: successRateThousandths))")
        lines.append("  total_duration_ms: \(totalDurationMilliseconds)")
        lines.append("  avg_duration_ms: \(averageDurationMilliseconds)")
        if let lastExecuted { lines.append("  last_executed: \(Self.quoted(lastExecuted))") }
        if !steps.isEmpty {
            lines.append("  steps:")
            for (key, figures) in steps {
                lines.append("    \(Self.key(key)):")
                lines.append("      runs: \(figures.runs)")
                lines.append("      successes: \(figures.successes)")
                lines.append("      failures: \(figures.failures)")
                lines.append("      skips: \(figures.skips)")
                lines.append("      total_duration_ms: \(figures.totalDurationMilliseconds)")
                lines.append("      avg_duration_ms: \(figures.averageDurationMilliseconds)")
                if let error = figures.lastError { lines.append("      last_error: \(Self.quoted(error))") }
            }
        }
        let text = lines.map { indent + $0 }.joined(separator: lineEnding)
        return finalLineBreak ? text + lineEnding : text
    }

    /// A key written plain when it is an identifier that YAML reads as text, else double-quoted.
    static func key(_ key: String) -> String {
        let plain = NodeReader.isIdentifier(key) && key.allSatisfy { $0.isASCII }
        let special = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(key.lowercased())
        return plain && !special ? key : quoted(key)
    }

    /// A double-quoted YAML scalar (``YAMLQuoting/doubleQuoted(_:)``, the one writer of them).
    static func quoted(_ text: String) -> String {
        YAMLQuoting.doubleQuoted(text)
    }
}
