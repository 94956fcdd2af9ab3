extension ReviewReport {
    /// A name in text: quoted, but for a step's position (`#2`).
    static func quoted(_ name: String) -> String {
        name.hasPrefix("#") ? name : "'\(name)'"
    }

    /// The report for a terminal or a log: one block per file, indented lines under it.
    func text() -> String {
        var out = "review: \(base) -> \(head): \(summary)\n"
        for review in reviews {
            out += "\n\(review.path) (\(review.status.rawValue))\n"
            for problem in review.problems {
                out += "  does not read at \(side(problem.side)): \(problem.message)\n"
            }
            guard review.authored != nil else { continue }
            let authored = Self.authoredLines(review, code: Self.quoted)
            out += "  authored:" + (authored.isEmpty ? " no change\n" : "\n" + authored.map { "    \($0)\n" }.joined())
            guard let record = review.record else { continue }
            if record.isEmpty {
                out += "  record: no new runs\n"
                continue
            }
            out += "  record:\n"
            out += "    runs: \(Self.runs(record))\n"
            out += "    success rate: \(Self.rates(record))\n"
            out += Self.recordLines(record, code: Self.quoted).map { "    \($0)\n" }.joined()
        }
        return out
    }
}
