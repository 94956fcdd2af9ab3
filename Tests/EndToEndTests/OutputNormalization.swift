/// One named rewrite of what is unstable in an output (a measured time, a temporary folder, a run
/// id) into a placeholder, applied before the output is compared whole, and only when a test asks
/// for it.
struct OutputNormalization: Sendable {
    /// What the rewrite replaces, for failure messages.
    let name: String
    private let transform: @Sendable (String) -> String

    init(_ name: String, _ transform: @escaping @Sendable (String) -> String) {
        self.name = name
        self.transform = transform
    }

    /// The text rewritten.
    func apply(_ text: String) -> String { transform(text) }

    /// Every duration as procrun prints a measured time (`12ms`, `1.25s`, `2m05s`) becomes
    /// `<duration>`. A duration written after `after `, `within `, `as `, `: `, `, ` or `sleep `
    /// (`timed out after 300ms`, `did not answer within 1s`, `such as 500ms, 30s`, `timeout: 5s`,
    /// a dry run's `sleep 10ms`) is a configured one, not a measured one, and is kept.
    static let durations = OutputNormalization("durations") { text in
        replacingMatches(of: #"([0-9]+m[0-9]{2}s|[0-9]+(\.[0-9]+)?(ms|s))(?![A-Za-z0-9])"#, in: text, with: "<duration>") { before in
            !["after ", "within ", "as ", ": ", ", ", "sleep "].contains { before.hasSuffix($0) } && !(before.last?.isLetter ?? false)
                && !(before.last?.isNumber ?? false) && before.last != "." && before.last != "-"
        }
    }

    /// The measured durations of JSON reports and stats blocks (`"duration_ms":12`,
    /// `total_duration_ms: 340`, `avg_duration_ms: 17`), also in a report quoted as a JSON string
    /// inside another (`\"duration_ms\":0`), become `<ms>`.
    static let durationFields = OutputNormalization("duration fields") { text in
        replacingMatches(of: #"((total_|avg_)?duration_ms(\\?"?):\s?)[0-9]+"#, in: text, with: "$1<ms>")
    }

    /// ISO 8601 UTC times (`2026-12-06T10:00:00Z`) and local times with their age as `stats`
    /// shows them (`2026-12-06 11:00 (3 h ago)`) become `<time>`.
    static let timestamps = OutputNormalization("timestamps") { text in
        let utc = replacingMatches(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"#, in: text, with: "<time>")
        return replacingMatches(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \([a-z0-9 ]+\)"#, in: utc, with: "<time>")
    }

    /// Run ids become `<run>`: a run record's (`20261206100000123456789-4242`: the start time to the
    /// nanosecond and the process id) and a stats block's (`# run 5c1e0a9f`).
    static let runIDs = OutputNormalization("run ids") { text in
        let records = replacingMatches(of: #"[0-9]{23}-[0-9]+"#, in: text, with: "<run>")
        return replacingMatches(of: #"# run [0-9a-f]{8}"#, in: records, with: "# run <run>")
    }

    /// Commit names, whole (40 hex digits) or abbreviated to 10, become `<commit>`.
    static let commits = OutputNormalization("commits") { text in
        replacingMatches(of: #"\b([0-9a-f]{40}|[0-9a-f]{10})\b"#, in: text, with: "<commit>")
    }

    /// The number after `process group ` or `process ` becomes `<pid>`.
    static let processIDs = OutputNormalization("process ids") { text in
        replacingMatches(of: #"(process (group )?)[0-9]+"#, in: text, with: "$1<pid>")
    }

    /// The temporary folders the tests make (`/tmp/procrun-test-` and six characters, see
    /// ``TemporaryFolder``) become `<tmp>`.
    static let temporaryFolders = OutputNormalization("temporary folders") { text in
        replacingMatches(of: #"/tmp/procrun-test-[A-Za-z0-9]+"#, in: text, with: "<tmp>")
    }

    /// The record of runs `find` shows of a procedure (`never run`, `success 95% of 20 runs`)
    /// becomes `<record>`: for copies of procedures/, which hold the runs made in the checkout
    /// (scripts/example.sh records one).
    static let recordedRuns = OutputNormalization("recorded runs") { text in
        replacingMatches(of: "never run|success [0-9]+% of [0-9]+ runs?", in: text, with: "<record>")
    }

    /// Every run of two or more spaces after a line's first character becomes two spaces: for
    /// tables whose columns are as wide as measured values (`stats`' AVG), compared by their words.
    static let columnPadding = OutputNormalization("column padding") { text in
        replacingMatches(of: #"(\S)  +"#, in: text, with: "$1  ")
    }

    /// Every occurrence of `path` (a temporary folder, the repository's checkout) becomes
    /// `placeholder`.
    static func path(_ path: String, as placeholder: String) -> OutputNormalization {
        OutputNormalization("the path \(path) as \(placeholder)") { text in
            text.split(separator: path, omittingEmptySubsequences: false).joined(separator: placeholder)
        }
    }

    /// Every match of the regular expression `pattern` becomes `replacement` (where `$1` stands
    /// for the first group): for what else a test knows to be unstable, named by `name`.
    static func replacing(_ pattern: String, with replacement: String, _ name: String) -> OutputNormalization {
        OutputNormalization(name) { text in replacingMatches(of: pattern, in: text, with: replacement) }
    }

    /// `text` with every match of the regular expression `pattern` replaced by `replacement`
    /// (where `$1` stands for the first group), except matches `keep` refuses given the text
    /// before them.
    static func replacingMatches(
        of pattern: String, in text: String, with replacement: String, where keep: (Substring) -> Bool = { _ in true }
    ) -> String {
        guard let regex = try? Regex(pattern) else { preconditionFailure("not a regular expression: \(pattern)") }
        var result = ""
        var rest = text[...]
        var copied = text.startIndex
        while let match = rest.firstMatch(of: regex) {
            let before = text[text.startIndex..<match.range.lowerBound]
            if keep(before) {
                result += text[copied..<match.range.lowerBound]
                var group = ""
                if match.output.count > 1, let first = match.output[1].substring { group = String(first) }
                result += replacement.split(separator: "$1", omittingEmptySubsequences: false).joined(separator: group)
                copied = match.range.upperBound
            }
            guard match.range.upperBound < text.endIndex else { break }
            rest = text[(match.range.isEmpty ? text.index(after: match.range.upperBound) : match.range.upperBound)...]
        }
        return result + text[copied...]
    }
}
