import ProcrunLanguage

extension ProcedureReview {
    /// What a procedure's record says after the change that it did not before.
    package struct Record: Sendable {
        /// Runs recorded before.
        package var runsBefore = 0
        /// Runs recorded after.
        package var runsAfter = 0
        /// The success rate before, in thousandths.
        package var rateBefore = 0
        /// The success rate after, in thousandths.
        package var rateAfter = 0
        /// Steps that failed in runs the change added, with their last error.
        package var newlyFailed: [Step] = []
        /// Steps slow now that were not before (``Optimizer/isSlow(_:in:)``).
        package var newlySlow: [Step] = []
        /// Steps `procrun optimize` would remove from the new version.
        package var optimizeWouldRemove: [Step] = []
        /// Keys of recorded figures that match no step of the new version (kept, credited to none).
        package var orphans: [String] = []

        /// Whether the record did not change.
        package var isEmpty: Bool {
            runsBefore == runsAfter && newlyFailed.isEmpty && newlySlow.isEmpty && optimizeWouldRemove.isEmpty
        }

        /// Compares two versions' records (base nil: the file was added).
        init(base: StatsDocument?, head: StatsDocument) {
            let old = base?.stats ?? ProcedureStats()
            runsBefore = old.executionCount
            rateBefore = old.successRateThousandths
            let new = head.stats
            runsAfter = new.executionCount
            rateAfter = new.successRateThousandths
            for (index, key) in head.stepKeys.enumerated() {
                guard let figures = new[step: key] else { continue }
                let before = old[step: key] ?? StepStats()
                if figures.failures > before.failures {
                    var step = Step(head, index: index)
                    step.failures = figures.failures - before.failures
                    step.runs = StatsArithmetic.subtract(figures.runs, before.runs)
                    step.lastError = figures.lastError
                    newlyFailed.append(step)
                }
                if Optimizer.isSlow(figures, in: new), !Optimizer.isSlow(before, in: old) {
                    var step = Step(head, index: index)
                    step.averageMilliseconds = figures.averageDurationMilliseconds
                    newlySlow.append(step)
                }
            }
            if let assessed = try? Optimizer(document: head).assess() {
                // A group goes with its steps, which are listed.
                for assessment in assessed.steps where assessment.removed && !assessment.isGroup {
                    var step = Step(head, index: assessment.number - 1)
                    step.failures = assessment.stats.failures
                    step.runs = assessment.stats.runs
                    optimizeWouldRemove.append(step)
                }
            }
            orphans = head.orphanKeys
        }
    }
}
