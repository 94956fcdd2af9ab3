extension ReviewReport {
    /// The report as Markdown, for a pull-request comment or a CI job's summary.
    func markdown() -> String {
        var out = "## procrun review\n\n`\(base)` → \(isWorkingTree ? head : "`\(head)`"): \(summary).\n"
        for review in reviews {
            out += "\n### `\(review.path)` (\(review.status.rawValue))\n\n"
            for problem in review.problems {
                out += "> **Does not read at `\(side(problem.side))`:** `\(problem.message)`\n"
            }
            guard review.authored != nil else { continue }
            if !review.problems.isEmpty { out += "\n" }
            func code(_ text: String) -> String { "`" + text + "`" }
            let authored = Self.authoredLines(review, code: code)
            out += "**Authored changes:**" + (authored.isEmpty ? " none.\n" : "\n\n" + authored.map { "- \($0)\n" }.joined())
            guard let record = review.record else { continue }
            out += "\n**Record:**"
            if record.isEmpty {
                out += " no new runs.\n"
                continue
            }
            out += "\n\n| | before | after |\n| --- | --- | --- |\n"
            out += "| runs | \(record.runsBefore) | \(record.runsAfter) |\n"
            out += "| success rate | \(Self.rate(record.runsBefore, record.rateBefore)) | \(Self.rate(record.runsAfter, record.rateAfter)) |\n"
            let lines = Self.recordLines(record, code: code)
            if !lines.isEmpty { out += "\n" + lines.map { "- \($0)\n" }.joined() }
        }
        return out
    }
}
