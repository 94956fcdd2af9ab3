import ProcrunText

extension Ranker {
    /// What a search found: the procedures that fit, or, when none does, the nearest ones and what
    /// they lack.
    public struct Outcome: Sendable {
        /// The task as read.
        package var query: TaskQuery
        /// The procedures that fit, best first; empty when none does.
        public var matches: [Match]
        /// When nothing fits: the procedures that came nearest, best first, each with the task's
        /// words it lacks (``Match/missing``).
        public var nearest: [Match]

        /// How many uncovered words the hint names at most.
        static let namedWords = 4

        /// When nothing fits: the task's required words the nearest procedure lacks (all of them
        /// when no procedure shares a word with the task), as the task writes them.
        public var uncovered: [String] {
            guard matches.isEmpty else { return [] }
            let words = nearest.first?.missing ?? query.required.map { query.concepts[$0].text }
            return Array(words.prefix(Self.namedWords))
        }

        /// When nothing fits: which words no procedure covers, and how to record one
        /// (`no procedure covers 'passport'; record one with procrun record NAME --description "renew my passport"`).
        public var hint: String? {
            hint(recording: "procrun record NAME --description " + ShellQuote.phrase(query.text))
        }

        /// The ``hint`` in the MCP tools' terms, for `find_procedures`: record one with
        /// `record_procedure` (`...; record one with record_procedure (its description: "renew my passport")`).
        var toolHint: String? {
            hint(recording: "record_procedure (its description: \(JSONWriter.quote(query.text)))")
        }

        /// The ``hint`` with `how` as the way to record one, in the words of the door that asks.
        private func hint(recording how: String) -> String? {
            guard matches.isEmpty else { return nil }
            let record = "record one with " + how
            let words = uncovered
            if words.isEmpty { return record }
            return "no procedure covers " + words.map { "'\($0)'" }.joined(separator: ", ") + "; " + record
        }
    }
}
