/// How well one procedure covers what a task asks for, and whether that is enough to call it a fit.
///
/// Only the task's required concepts count (``TaskQuery/Concept/isRequired``), each by its
/// importance (``BM25Index/Search/importance``): a rare word weighs more than a common one, and a
/// word the library does not know weighs as much as the rarest, less in a long task. A procedure
/// fits when
/// - it covers at least ``minimumShare`` of that weight (``minimumShareOfLongTask`` once the task
///   has ``longTask`` required concepts or more: a long task tells its context too), and
/// - it covers more than the task's first required concept, when there are others: a procedure
///   that only shares the verb ("*renew* my passport" and `renew_tls_certificate`) does not fit.
package struct TaskCoverage: Sendable {
    /// The share of the task's required weight covered, 0 to 1.
    package var share: Double
    /// The concepts covered (of any kind), by index.
    package var matched: [Int]
    /// The required concepts not covered, by index.
    package var missing: [Int]
    /// Whether the procedure fits the task.
    package var fits: Bool

    /// The share of the required weight a procedure must cover.
    package static let minimumShare = 0.25
    /// The share for a long task.
    package static let minimumShareOfLongTask = 0.15
    /// From how many required concepts a task is long.
    package static let longTask = 7

    /// Judges a procedure whose coverage of each concept of `query` is `coverage`, given the
    /// concepts' `importance`.
    package init(query: TaskQuery, importance: [Double], coverage: [Double]) {
        let required = query.required
        matched = coverage.indices.filter { coverage[$0] > 0 }
        missing = required.filter { coverage[$0] == 0 }
        let total = required.reduce(0) { $0 + importance[$1] }
        share = total > 0 ? required.reduce(0) { $0 + importance[$1] * coverage[$1] } / total : 0
        guard let first = required.first else {
            fits = !matched.isEmpty
            return
        }
        let onlyTheFirst = required.count > 1 && matched == [first]
        fits = !onlyTheFirst && share >= (required.count >= Self.longTask ? Self.minimumShareOfLongTask : Self.minimumShare)
    }
}
