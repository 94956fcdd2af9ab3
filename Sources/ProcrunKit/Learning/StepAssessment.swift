/// What ``Optimizer`` concluded about one step from its recorded figures.
package struct StepAssessment: Sendable, Hashable {
    /// The step's 1-based position.
    package var number: Int
    /// Its key in `stats.steps` (see ``StepKey``).
    package var key: String
    /// Its `id`, if it has one.
    package var id: String?
    /// Its figures (empty when never recorded).
    package var stats: StepStats
    /// It failed more often than it succeeded.
    package var failing: Bool
    /// It takes most of the procedure's time (see ``Optimizer/isSlow(_:in:)``).
    package var slow: Bool
    /// It is removed by the optimization.
    package var removed: Bool
    /// Why a failing step is kept, if it is.
    package var keptBecause: String?
    /// It fails more often than it succeeds and its failures stopped the procedure: a gate that
    /// is checking something broken. It is reported, and removed only with `--remove-failing`.
    package var broken = false
    /// The settings added to make a flaky step robust (`retries: {...}`, `timeout: ...`), as the
    /// lines written into the step; empty when none.
    package var added: [String] = []
}
