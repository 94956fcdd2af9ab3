import ProcrunLanguage
import ProcrunText

extension ProcedureReview {
    /// A step named in a review, with what the review says of it.
    package struct Step: Sendable, Hashable {
        /// Its key in `stats.steps` (``StepKey``).
        package var key: String
        /// How the review names it: its id, or `#N` for a step without one.
        package var label: String
        /// Its action.
        package var action: String
        /// Failures among the runs the change added (for a newly failing step).
        package var failures = 0
        /// Runs the change added (for a newly failing step); all its runs (for a step optimize removes).
        package var runs = 0
        /// Its last error (for a newly failing step).
        package var lastError: String?
        /// Its average duration in milliseconds (for a newly slow step).
        package var averageMilliseconds = 0

        /// A step of a document, by position.
        init(_ document: StatsDocument, index: Int) {
            let all = StepKey.items(in: document.root)
            let item = all.indices.contains(index) ? all[index].node : nil
            key = document.stepKeys[index]
            label = item.map { ProcedureReview.label($0, number: index + 1) } ?? "#\(index + 1)"
            action = item?["action"]?.scalar?.text ?? "?"
        }
    }
}
