/// Why a step or a procedure was skipped as up to date, as progress, reports and events say it
/// after `up to date: ` (grammar.md, "Up-to-date checks"): every message of the check, here.
struct UpToDateReason {
    /// How many files its `sources` matched, nil when it has none.
    var sources: Int?
    /// Whether it has `generates`.
    var generates = false
    /// Whether it has `status` commands (which all passed).
    var status = false

    /// The reason in words: `3 sources unchanged, generates present, status passed`.
    var text: String {
        var parts: [String] = []
        if let sources { parts.append("\(sources) \(sources == 1 ? "source" : "sources") unchanged") }
        if generates { parts.append("generates present") }
        if status { parts.append("status passed") }
        return parts.joined(separator: ", ")
    }
}
