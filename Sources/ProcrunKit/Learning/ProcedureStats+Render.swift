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
        var text = ""
        text.reserveCapacity(160 + steps.count * 160)
        var first = true
        func line(_ parts: String...) {
            if !first { text += lineEnding }
            first = false
            text += indent
            for part in parts { text += part }
        }
        line("stats:")
        line("  execution_count: ", String(executionCount))
        line("  successes: ", String(successes))
        line("  failures: ", String(failures))
        line("  success_rate: ", StatsArithmetic.decimal(thousandths: successRateThousandths))
        line("  total_duration_ms: ", String(totalDurationMilliseconds))
        line("  avg_duration_ms: ", String(averageDurationMilliseconds))
        if let lastExecuted { line("  last_executed: ", Self.quoted(lastExecuted)) }
        if !steps.isEmpty {
            line("  steps:")
            for (key, figures) in steps {
                line("    ", Self.key(key), ":")
                line("      runs: ", String(figures.runs))
                line("      successes: ", String(figures.successes))
                line("      failures: ", String(figures.failures))
                line("      skips: ", String(figures.skips))
                line("      total_duration_ms: ", String(figures.totalDurationMilliseconds))
                line("      avg_duration_ms: ", String(figures.averageDurationMilliseconds))
                if let error = figures.lastError { line("      last_error: ", Self.quoted(error)) }
            }
        }
        return finalLineBreak ? text + lineEnding : text
    }

    /// Words YAML 1.1 reads as booleans or null, so a key spelled so is quoted.
    static let specialKeys: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]

    /// A key written plain when it is an identifier that YAML reads as text, else double-quoted.
    static func key(_ key: String) -> String {
        let plain = key.utf8.allSatisfy { $0 < 0x80 } && NodeReader.isIdentifier(key)
        let special = key.utf8.count <= 5 && Self.specialKeys.contains(key.lowercased())
        return plain && !special ? key : quoted(key)
    }

    /// A double-quoted YAML scalar (``YAMLQuoting/doubleQuoted(_:)``, the one writer of them).
    static func quoted(_ text: String) -> String {
        YAMLQuoting.doubleQuoted(text)
    }
}
