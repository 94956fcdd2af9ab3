/// What ``Optimizer`` concluded about one step from its recorded figures.
public struct StepAssessment: Sendable, Hashable {
    /// The step's 1-based position.
    public var number: Int
    /// Its key in `stats.steps` (see ``StepKey``).
    public var key: String
    /// Its `id`, if it has one.
    public var id: String?
    /// Its figures (empty when never recorded).
    public var stats: StepStats
    /// It failed more often than it succeeded.
    public var failing: Bool
    /// It takes most of the procedure's time (see ``Optimizer/isSlow(_:in:)``).
    public var slow: Bool
    /// It is removed by the optimization.
    public var removed: Bool
    /// Why a failing step is kept, if it is.
    public var keptBecause: String?
}
