/// A run's steps as its totals count them, the one way the summary line, the JUnit report and the
/// GitHub Actions annotations count them: each step that ran an action counts once, wherever it is.
/// A parallel group is counted by its steps and a procedure call by the called procedure's steps
/// (the group or the call step would count the same failure a second time); either counts as a
/// step of its own only when it failed with none of its steps failing (a `when` that could not be
/// evaluated, a callee's outputs that could not be rendered), or ran no step (skipped, or failed
/// before the callee started). A `for_each` step counts once, whatever its items.
package struct StepTotals {
    /// Steps that succeeded.
    package private(set) var succeeded = 0
    /// Steps that failed.
    package private(set) var failed = 0
    /// Steps that were skipped (their `when` was false, fail_fast ended them, a resumed run kept
    /// their earlier result).
    package private(set) var skipped = 0

    /// The totals of `report`'s steps.
    package init(_ report: RunReport) {
        Self.forEach(in: report) { counted in
            switch counted.result.status {
            case .success: succeeded += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }
    }

    /// Every counted step of `report`, in the order the run reported them.
    package static func forEach(in report: RunReport, _ body: (Counted) -> Void) {
        visit(report.steps, callers: [], file: report.file, body)
    }

    /// Whether a group's or a call's own failure is counted: it failed, and none of `parts` did.
    package static func countsOwnFailure(_ result: StepResult, parts: [StepResult]) -> Bool {
        result.status == .failed && !parts.contains { $0.status == .failed }
    }

    /// The counted steps of one procedure's results (a parallel group's steps right after it).
    private static func visit(_ results: [StepResult], callers: [String], file: String, _ body: (Counted) -> Void) {
        var groups: Set<Int> = []
        for result in results { if let group = result.group { groups.insert(group) } }
        for result in results {
            if result.group == nil, groups.contains(result.number) {
                if countsOwnFailure(result, parts: results.filter { $0.group == result.number }) {
                    body(Counted(result: result, callers: callers, file: file))
                }
            } else if !result.children.isEmpty {
                let callee = result.calledProcedure ?? result.action
                visit(result.children, callers: callers + [callee], file: result.calledFile ?? file, body)
                if countsOwnFailure(result, parts: result.children) { body(Counted(result: result, callers: callers, file: file)) }
            } else {
                body(Counted(result: result, callers: callers, file: file))
            }
        }
    }
}

extension StepTotals {
    /// The run's first failed step, a parallel group's failed step rather than the group.
    package static func firstFailure(in report: RunReport) -> StepResult? {
        var groupsFailed: Set<Int> = []
        for result in report.steps where result.status == .failed { if let group = result.group { groupsFailed.insert(group) } }
        return report.steps.first { $0.status == .failed && ($0.group != nil || !groupsFailed.contains($0.number)) }
    }
}
