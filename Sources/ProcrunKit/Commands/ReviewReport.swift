import ProcrunLanguage
import ProcrunMemory

/// What `procrun review` found: the two versions compared and each changed procedure file's
/// review, rendered as text (``text()``), Markdown (``markdown()``) or JSON (``json()``).
struct ReviewReport {
    /// How the base version is named.
    var base: String
    /// How the head version is named.
    var head: String
    /// The changed procedure files, in path order.
    var reviews: [ProcedureReview]

    /// How the working tree is named when it is the head version.
    static let workingTree = "the working tree"

    /// Whether the head version is the working tree.
    var isWorkingTree: Bool { head == Self.workingTree }

    /// `N procedure files changed`.
    var summary: String {
        "\(reviews.count) procedure file\(reviews.count == 1 ? "" : "s") changed"
    }

    /// The sentences of a review's authored changes (the same words in text and Markdown;
    /// `code` marks a name as code).
    static func authoredLines(_ review: ProcedureReview, code: (String) -> String) -> [String] {
        guard let authored = review.authored else { return [] }
        switch review.status {
        case .added: return ["new procedure with \(authored.stepCount) step\(authored.stepCount == 1 ? "" : "s")"]
        case .removed: return ["procedure removed (it had \(authored.stepCount) step\(authored.stepCount == 1 ? "" : "s"))"]
        case .modified: break
        }
        var lines: [String] = []
        func step(_ step: ProcedureReview.Step) -> String { "\(code(step.label)) (\(step.action))" }
        lines += authored.stepsAdded.map { "step added: " + step($0) }
        lines += authored.stepsRemoved.map { "step removed: " + step($0) }
        lines += authored.stepsChanged.map { "step changed: " + step($0) }
        for (what, names) in [("input", authored.inputs), ("output", authored.outputs)] {
            lines += names.added.map { "\(what) added: " + code($0) }
            lines += names.removed.map { "\(what) removed: " + code($0) }
            lines += names.changed.map { "\(what) changed: " + code($0) }
        }
        if let version = authored.version { lines.append("version: \(version.before ?? "(none)") -> \(version.after ?? "(none)")") }
        if let successor = authored.supersededBy {
            lines.append("superseded_by: \(successor.before.map(code) ?? "(none)") -> \(successor.after.map(code) ?? "(none)")")
        }
        if !authored.otherKeys.isEmpty { lines.append("also changed: " + authored.otherKeys.map(code).joined(separator: ", ")) }
        return lines
    }

    /// The sentences of a review's record, after the runs and success rate.
    static func recordLines(_ record: ProcedureReview.Record, code: (String) -> String) -> [String] {
        var lines: [String] = []
        for step in record.newlyFailed {
            let error = step.lastError.map { ": last error: \($0)" } ?? ""
            lines.append("newly failed: \(code(step.label)) failed \(step.failures) of \(step.runs) new run\(step.runs == 1 ? "" : "s")\(error)")
        }
        for step in record.newlySlow {
            lines.append("newly slow: \(code(step.label)) takes \(DurationText.format(milliseconds: step.averageMilliseconds)) on average, most of the procedure's time")
        }
        for step in record.optimizeWouldRemove {
            lines.append("optimize would remove: \(code(step.label)) (\(step.action)): \(step.failures) of \(step.runs) runs failed")
        }
        if !record.orphans.isEmpty {
            lines.append("figures matching no step (kept, credited to none): " + record.orphans.map(code).joined(separator: ", "))
        }
        return lines
    }

    /// `3 -> 5 (+2)`.
    static func runs(_ record: ProcedureReview.Record) -> String {
        let added = record.runsAfter - record.runsBefore
        return "\(record.runsBefore) -> \(record.runsAfter) (\(added >= 0 ? "+" : "")\(added))"
    }

    /// `100.0% -> 66.7%` (`-` before any run).
    static func rates(_ record: ProcedureReview.Record) -> String {
        "\(rate(record.runsBefore, record.rateBefore)) -> \(rate(record.runsAfter, record.rateAfter))"
    }

    /// A success rate as a percentage, `-` before any run.
    static func rate(_ runs: Int, _ thousandths: Int) -> String {
        runs == 0 ? "-" : StatsRow.percent(thousandths)
    }

    /// `the base version` or `the head version`, named.
    func side(_ side: String) -> String {
        side == "base" ? base : head
    }
}
