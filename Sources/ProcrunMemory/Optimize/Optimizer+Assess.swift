package import ProcrunText

extension Optimizer {
    /// Assesses every step of the file from the figures recorded under its key (``StepKey``): the
    /// procedure's steps, each step of a parallel group, and the `finally` steps. A step whose key
    /// matches no figures is assessed as never run, and figures that match no step (orphans) are
    /// never used. Throws when there are fewer than ``minimumRuns`` recorded runs.
    package func assess() throws(Diagnostic) -> (steps: [StepAssessment], notes: [String]) {
        let stats = document.stats
        guard stats.executionCount >= Self.minimumRuns else {
            throw Diagnostic(LearningProblem.tooFewRuns(minimum: Self.minimumRuns, found: stats.executionCount), path: document.file.path)
        }
        let placed = StepKey.items(in: document.root)
        let keys = document.stepKeys
        let recorded = Dictionary(stats.steps.map { ($0.key, $0.stats) }, uniquingKeysWith: { first, _ in first })
        var notes: [String] = []
        var assessments: [StepAssessment] = []
        assessments.reserveCapacity(placed.count)
        for (index, step) in placed.enumerated() {
            let key = keys.indices.contains(index) ? keys[index] : StepKey.legacyKey(number: index + 1)
            // A group's steps stop the run when the group does: by the group's `on_failure`.
            let stopping = step.group.map { placed[$0].node } ?? step.node
            var assessment = assess(
                step.node, number: index + 1, key: key, figures: recorded[key] ?? StepStats(),
                stops: stopping["on_failure"]?.scalar?.text != "continue", isFinally: step.isFinally, notes: &notes)
            assessment.group = step.group.map { $0 + 1 }
            assessments.append(assessment)
        }
        removeEmptiedGroups(&assessments, placed: placed, notes: &notes)
        let main = assessments.indices.filter { !assessments[$0].isFinally && assessments[$0].group == nil }
        if !main.isEmpty, main.allSatisfy({ assessments[$0].removed }) {
            for index in assessments.indices where !assessments[index].isFinally && assessments[index].removed {
                assessments[index].removed = false
                assessments[index].keptBecause = "every step fails; a procedure needs at least one step"
            }
            let spared = assessments.contains { $0.isFinally && $0.removed } ? "none of the main steps" : "nothing"
            notes.append("every step fails more often than it succeeds; \(spared) is removed, since a procedure needs at least one step")
        }
        return (assessments, notes)
    }

    /// One step judged by its own figures. `stops`: a failure of it stops the procedure (its, or
    /// its group's, `on_failure` is not `continue`); `isFinally`: it is a `finally` step, whose
    /// failures always count. A parallel group is judged by its steps
    /// (``removeEmptiedGroups(_:placed:notes:)``): here it is only timed.
    private func assess(
        _ item: YAMLNode, number: Int, key: String, figures: StepStats, stops: Bool, isFinally: Bool, notes: inout [String]
    ) -> StepAssessment {
        let id = item["id"]?.scalar?.text
        let isGroup = item["parallel"] != nil
        var assessment = StepAssessment(
            number: number, key: key, id: id, stats: figures, failing: figures.isFailing, slow: Self.isSlow(figures, in: document.stats),
            removed: figures.isFailing && !isGroup)
        assessment.isGroup = isGroup
        assessment.isFinally = isFinally
        if assessment.removed, !removeFailing, isFinally || stops {
            assessment.removed = false
            assessment.broken = true
            assessment.keptBecause =
                isFinally
                ? "a failing finally step fails the run whatever the other steps did: cleanup steps are removed only with --remove-failing"
                : "each failure stopped the procedure: it is a check that fails, not a step to drop"
        }
        if assessment.removed, let id, let reference = reference(to: id, outside: item) {
            assessment.removed = false
            assessment.keptBecause = "it is referenced as 'steps.\(id)' at line \(reference.line)"
            notes.append("step \(number) ('\(id)') fails more often than it succeeds but is kept: \(assessment.keptBecause ?? "")")
        }
        if !isGroup, Self.isFlaky(figures), item["retries"] == nil, item.pairs != nil, !item.isFlow {
            assessment.added.append(Self.flakyRetries)
            if item["timeout"] == nil, figures.timeouts > 0 {
                let seconds = max(1, (figures.averageDurationMilliseconds * 3 + 999) / 1000)
                assessment.added.append("timeout: \(seconds)s")
            }
        }
        return assessment
    }

    /// Marks removed each parallel group whose every step is removed (a group cannot be empty),
    /// unless the file reads the group as `steps.ID`: then its steps are kept.
    private func removeEmptiedGroups(_ assessments: inout [StepAssessment], placed: [(node: YAMLNode, group: Int?, isFinally: Bool)], notes: inout [String]) {
        for index in assessments.indices where assessments[index].isGroup {
            let members = assessments.indices.filter { assessments[$0].group == index + 1 }
            guard !members.isEmpty, members.allSatisfy({ assessments[$0].removed }) else { continue }
            guard let id = assessments[index].id, let reference = reference(to: id, outside: placed[index].node) else {
                assessments[index].removed = true
                continue
            }
            let because = "its group is referenced as 'steps.\(id)' at line \(reference.line), and a group needs at least one step"
            for member in members {
                assessments[member].removed = false
                assessments[member].keptBecause = because
            }
            notes.append("the steps of group \(index + 1) ('\(id)') fail more often than they succeed but are kept: \(because)")
        }
    }
}
