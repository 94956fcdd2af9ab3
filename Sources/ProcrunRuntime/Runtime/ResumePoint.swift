package import ProcrunText

/// Where a run starts when it resumes an earlier one (`procrun run --resume`, `--from STEP`): the
/// first step to run, and what the earlier run left for later templates to read.
package struct ResumePoint: Sendable {
    /// The index of the first step to run.
    package var start: Int
    /// The earlier results of the steps before `start`, by step index: what `steps.ID` reads.
    package var results: [Int: Value]
    /// The earlier run's `vars` (values set by `set` steps).
    package var vars: [String: Value]

    /// A resume point.
    package init(start: Int, results: [Int: Value] = [:], vars: [String: Value] = [:]) {
        self.start = start
        self.results = results
        self.vars = vars
    }
}
