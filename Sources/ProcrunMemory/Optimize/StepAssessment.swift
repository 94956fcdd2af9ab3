/// What ``Optimizer`` concluded about one step from its recorded figures.
package struct StepAssessment: Sendable, Hashable {
    /// The step's 1-based number (a parallel group's steps right after the group, the `finally`
    /// steps after the main ones).
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
    /// It fails more often than it succeeds and its failures count: a gate whose failures stopped
    /// the procedure (it checks something broken), or a `finally` step (each failure fails the run
    /// whatever the other steps did). It is reported, and removed only with `--remove-failing`.
    package var broken = false
    /// The settings added to make a flaky step robust (`retries: {...}`, `timeout: ...`), as the
    /// lines written into the step; empty when none.
    package var added: [String] = []
    /// It is a parallel group: judged by its steps, and removed with the last of them.
    package var isGroup = false
    /// The number of the parallel group it is a step of, if it is one.
    package var group: Int?
    /// It is one of the `finally` steps (or a step of a group among them).
    package var isFinally = false
}
