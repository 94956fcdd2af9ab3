/// What a ``ProcedureFinder`` found for a task: the procedures that fit, best first, or, when none
/// does, the nearest ones with the task's words they lack and a hint to record one.
package struct ProcedureSearch: Sendable, Equatable {
    /// The procedures that fit, best first.
    package var matches: [ProcedureMatch]
    /// When nothing fits: the procedures that came nearest.
    package var nearest: [Nearest] = []
    /// When nothing fits: which words no procedure covers and how to record one.
    package var hint: String?

    /// A search result.
    package init(matches: [ProcedureMatch], nearest: [Nearest] = [], hint: String? = nil) {
        self.matches = matches
        self.nearest = nearest
        self.hint = hint
    }
}
