import ProcrunLanguage
import ProcrunText

extension ProcedureStats {
    /// The block's text in procrun's one format, made for diffs: `stats:` then the procedure's
    /// figures one key per line in a fixed order, then `steps:` with one line per step, a flow
    /// mapping of its counters keyed by the step (``StepKey``), so every line a run changes names
    /// what it counts. Indented by two spaces per level; integers as plain digits, `success_rate`
    /// with three decimals, `last_executed` and `last_error` double-quoted, the run's id in a
    /// comment after `last_executed` (``RunID``). A step's line holds only counters that sum
    /// (`runs`, `successes`, `failures`, `skips`, `total_duration_ms`) and its `last_error`:
    /// figures derived from them are left out, so they never double a diff.
    ///
    package func rendered(indent: String = "", lineEnding: String = "\n", finalLineBreak: Bool = true) -> String {
        String(decoding: renderedBytes(indent: indent, lineEnding: lineEnding, finalLineBreak: finalLineBreak), as: UTF8.self)
    }

    /// ``rendered(indent:lineEnding:finalLineBreak:)`` as UTF-8 bytes.
    package func renderedBytes(indent: String = "", lineEnding: String = "\n", finalLineBreak: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = renderedBlock(indent: indent, lineEnding: lineEnding, finalLineBreak: finalLineBreak, appendingTo: &bytes)
        return bytes
    }

    /// Appends the block's bytes to `output` and returns the events the value of its `stats` key
    /// must read back as: what ``StatsDocument/replacingStats(with:)`` checks the rewritten file
    /// against. Both come from the one pass below, so the text and what it is meant to say cannot
    /// drift apart. Written straight into the caller's buffer: a 1000-step block is 8,000 lines,
    /// rewritten after every run.
    func renderedBlock(indent: String, lineEnding: String, finalLineBreak: Bool, appendingTo output: inout [UInt8]) -> [ExpectedYAMLEvent] {
        var writer = BlockWriter(indent: Array(indent.utf8), lineEnding: Array(lineEnding.utf8))
        swap(&writer.bytes, &output)
        defer { swap(&writer.bytes, &output) }
        writer.reserve(lines: 10 + steps.count * 4)
        writer.open("stats", level: 0, named: false)
        writer.integer(StatsKey.executionCount.rawValue, executionCount)
        writer.integer(StatsKey.successes.rawValue, successes)
        writer.integer(StatsKey.failures.rawValue, failures)
        writer.text(StatsKey.successRate.rawValue, StatsArithmetic.decimal(thousandths: successRateThousandths))
        writer.integer(StatsKey.totalDurationMilliseconds.rawValue, totalDurationMilliseconds)
        writer.integer(StatsKey.averageDurationMilliseconds.rawValue, averageDurationMilliseconds)
        if let lastExecuted {
            writer.quoted(StatsKey.lastExecuted.rawValue, lastExecuted)
            if let runID { writer.comment("run " + runID) }
        }
        if !steps.isEmpty {
            writer.open(StatsKey.steps.rawValue, level: 1, named: false)
            for (key, figures) in steps {
                writer.openFlow(key, level: 2)
                writer.integer(StepStatsKey.runs.rawValue, figures.runs)
                writer.integer(StepStatsKey.successes.rawValue, figures.successes)
                writer.integer(StepStatsKey.failures.rawValue, figures.failures)
                writer.integer(StepStatsKey.skips.rawValue, figures.skips)
                writer.integer(StepStatsKey.totalDurationMilliseconds.rawValue, figures.totalDurationMilliseconds)
                if figures.timeouts > 0 { writer.integer(StepStatsKey.timeouts.rawValue, figures.timeouts) }
                if let error = figures.lastError { writer.quoted(StepStatsKey.lastError.rawValue, error) }
                writer.closeFlow()
            }
            writer.close()
        }
        writer.close()
        if finalLineBreak { writer.bytes += writer.lineEnding }
        return writer.expected
    }

    /// Words YAML 1.1 reads as booleans or null, so a key spelled so is quoted.
    static let specialKeys: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]

    /// A key written plain when it is an identifier that YAML reads as text, or a fingerprint key
    /// (`ACTION#` and hex digits, see ``StepKey``), else double-quoted.
    static func key(_ key: String) -> String {
        let parts = key.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let head = String(parts[0])
        let plain =
            key.utf8.allSatisfy { $0 < 0x80 } && NodeReader.isIdentifier(head)
            && (parts.count == 1 || parts[1].utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D })
            && !(parts.count == 2 && parts[1].isEmpty)
        let special = key.utf8.count <= 5 && Self.specialKeys.contains(key.lowercased())
        return plain && !special ? key : quoted(key)
    }

    /// A double-quoted YAML scalar (``YAMLQuoting/doubleQuoted(_:)``, the one writer of them).
    static func quoted(_ text: String) -> String {
        YAMLQuoting.doubleQuoted(text)
    }
}

/// Writes the block's lines into one byte buffer (each line after the first starts with the line
/// ending, then the block's indentation, then two spaces a level) and notes, for each, the events
/// it must read back as: a key and its value, or a key opening a nested mapping.
private struct BlockWriter {
    let indent: [UInt8]
    let lineEnding: [UInt8]
    var bytes: [UInt8] = []
    var expected: [ExpectedYAMLEvent] = []
    /// The level of the lines written next (one more than the innermost open mapping's key).
    private var level = 0
    /// Whether the next line is the block's first (it starts without a line ending).
    private var first = true
    /// Whether keys go into a one-line flow mapping (separated by `, `) rather than on new lines.
    private var inFlow = false
    /// Whether the next key is the flow mapping's first.
    private var flowFirst = false

    /// What starts a line at each level after the first line: the line ending, the block's indent
    /// and two spaces a level, appended as one piece (the block has 8,000 lines for 1000 steps).
    private var linePrefixes: [[UInt8]] = []

    init(indent: [UInt8], lineEnding: [UInt8]) {
        self.indent = indent
        self.lineEnding = lineEnding
    }

    mutating func reserve(lines: Int) {
        bytes.reserveCapacity(bytes.count + lines * 24)
        expected.reserveCapacity(lines * 2)
    }

    /// A key opening a nested mapping (`stats` itself at level 0: its key belongs to the document,
    /// so only the mapping is expected). `named`: the key is a step's name, quoted when it needs to
    /// be; procrun's own keys are plain identifiers.
    mutating func open(_ key: String, level: Int, named: Bool) {
        self.level = level
        self.key(key, named: named)
        bytes.append(UInt8(ascii: ":"))
        expected.append(.mappingStart)
        self.level = level + 1
    }

    /// A step's key opening its one-line flow mapping: `KEY: {`.
    mutating func openFlow(_ key: String, level: Int) {
        self.level = level
        self.key(key, named: true)
        write(": {")
        expected.append(.flowMappingStart)
        self.level = level + 1
        inFlow = true
        flowFirst = true
    }

    /// The end of the flow mapping: `}`.
    mutating func closeFlow() {
        bytes.append(UInt8(ascii: "}"))
        expected.append(.mappingEnd)
        inFlow = false
        level -= 1
    }

    /// A comment after the line's value: `  # TEXT` (no events: YAML reads comments as nothing).
    mutating func comment(_ text: String) {
        write("  # ")
        write(text)
    }

    /// The end of the innermost open mapping.
    mutating func close() {
        expected.append(.mappingEnd)
        level -= 1
    }

    /// A key and a counter: plain digits, written without an intermediate string.
    mutating func integer(_ key: String, _ number: Int) {
        self.key(key)
        write(": ")
        expected.append(.integer(number))
        guard number >= 0 else {
            bytes.append(contentsOf: String(number).utf8)
            return
        }
        var divisor = 1
        while number / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    /// A key and a plain value (one YAML reads as text, such as `0.750`).
    mutating func text(_ key: String, _ value: String) {
        self.key(key)
        write(": ")
        write(value)
        expected.append(.plain(value))
    }

    /// A key and a double-quoted value.
    mutating func quoted(_ key: String, _ value: String) {
        self.key(key)
        write(": ")
        write(ProcedureStats.quoted(value))
        expected.append(.doubleQuoted(value))
    }

    /// Appends a string's UTF-8 bytes, copied as one block when the string stores them contiguously
    /// (as native strings and literals do).
    private mutating func write(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Starts a line and writes its key: a step's name plain or quoted as ``ProcedureStats/key(_:)``
    /// decides, any other key plain.
    private mutating func key(_ key: String, named: Bool = false) {
        if inFlow {
            if !flowFirst { write(", ") }
            flowFirst = false
            write(key)
            expected.append(.plain(key))
            return
        }
        if first {
            first = false
            bytes += indent
            for _ in 0..<level { write("  ") }
        } else {
            while linePrefixes.count <= level {
                linePrefixes.append(lineEnding + indent + Array(repeating: UInt8(ascii: " "), count: 2 * linePrefixes.count))
            }
            bytes += linePrefixes[level]
        }
        let written = named ? ProcedureStats.key(key) : key
        write(written)
        if level > 0 { expected.append(named && written != key ? .doubleQuoted(key) : .plain(key)) }
    }
}
