/// Proposes a reviewable change to a procedure from its recorded stats, made by splicing the
/// file's bytes so that everything else stays as written, with `version` bumped:
///
/// - a step that fails more often than it succeeds is removed when its failures did not stop the
///   procedure (`on_failure: continue`), unless a later part of the file reads it as `steps.ID`;
///   one whose failures stopped the run is a gate checking something broken: it is reported, and
///   removed only with ``removeFailing`` (`--remove-failing`);
/// - a flaky step (at least ``flakyMinimumRuns`` runs, failures between 10% and 50% of them, no
///   `retries`) gets `retries: {count: 2, delay: 1s, backoff: 2}`, and a `timeout` when its last
///   failure was a timeout and it sets none;
/// - slow steps are flagged.
package struct Optimizer {
    /// The procedure file, read.
    package var document: StatsDocument
    /// Remove failing steps even when their failures stopped the procedure.
    package var removeFailing = false

    /// The fewest runs a step needs to be called flaky.
    package static let flakyMinimumRuns = 5
    /// The retries added to a flaky step.
    package static let flakyRetries = "retries: {count: 2, delay: 1s, backoff: 2}"

    /// The fewest recorded runs an optimization needs.
    package static let minimumRuns = 3
    /// A slow step takes more than this share (in percent) of the procedure's average run time…
    package static let slowSharePercent = 50
    /// …and at least this many milliseconds on average.
    package static let slowMinimumMilliseconds = 100

    /// An optimizer for a read procedure file.
    package init(document: StatsDocument, removeFailing: Bool = false) {
        self.document = document
        self.removeFailing = removeFailing
    }

    /// Whether a step's figures say it is flaky: enough runs, failing in 10% to 50% of them.
    package static func isFlaky(_ step: StepStats) -> Bool {
        step.runs >= flakyMinimumRuns && step.failures * 10 >= step.runs && step.failures * 2 <= step.runs && step.failures > 0
    }

    /// A step is slow when its average run takes more than ``slowSharePercent`` of the procedure's
    /// average run, and at least ``slowMinimumMilliseconds``.
    package static func isSlow(_ step: StepStats, in stats: ProcedureStats) -> Bool {
        let average = step.averageDurationMilliseconds
        guard step.runs > 0, average >= slowMinimumMilliseconds, stats.averageDurationMilliseconds > 0 else { return false }
        return average * 100 > stats.averageDurationMilliseconds * slowSharePercent
    }

    /// Assesses every step of the file from the figures recorded under its key (``StepKey``): a
    /// step whose key matches no figures is assessed as never run, and figures that match no step
    /// (orphans) are never used. Throws when there are fewer than ``minimumRuns`` recorded runs.
    package func assess() throws(Diagnostic) -> (steps: [StepAssessment], notes: [String]) {
        let stats = document.stats
        guard stats.executionCount >= Self.minimumRuns else {
            throw Diagnostic(
                .error, "optimize needs at least \(Self.minimumRuns) recorded runs; this procedure has \(stats.executionCount)",
                path: document.file.path)
        }
        let items = document.root["steps"]?.items ?? []
        let keys = document.stepKeys
        var notes: [String] = []
        var assessments: [StepAssessment] = []
        let recorded = Dictionary(stats.steps.map { ($0.key, $0.stats) }, uniquingKeysWith: { first, _ in first })
        // Keys and numbers count a parallel group's steps after the group; only the procedure's
        // own steps (a group as one) are assessed.
        var position = 0
        for item in items {
            let id = item["id"]?.scalar?.text
            let number = position + 1
            let key = keys.indices.contains(position) ? keys[position] : StepKey.legacyKey(number: number)
            position += 1 + (item["parallel"]?["steps"]?.items?.count ?? 0)
            let figures = recorded[key] ?? StepStats()
            var assessment = StepAssessment(
                number: number, key: key, id: id, stats: figures, failing: figures.isFailing, slow: Self.isSlow(figures, in: stats),
                removed: figures.isFailing)
            if assessment.failing, item["on_failure"]?.scalar?.text != "continue", !removeFailing {
                assessment.removed = false
                assessment.broken = true
                assessment.keptBecause = "each failure stopped the procedure: it is a check that fails, not a step to drop"
            }
            if assessment.removed, let id, let reference = reference(to: id, outside: item) {
                assessment.removed = false
                assessment.keptBecause = "it is referenced as 'steps.\(id)' at line \(reference.line)"
                notes.append("step \(number) ('\(id)') fails more often than it succeeds but is kept: \(assessment.keptBecause ?? "")")
            }
            if Self.isFlaky(figures), item["retries"] == nil, item.pairs != nil, !item.isFlow {
                assessment.added.append(Self.flakyRetries)
                if item["timeout"] == nil, figures.lastError?.hasPrefix("timed out") == true {
                    let seconds = max(1, (figures.averageDurationMilliseconds * 3 + 999) / 1000)
                    assessment.added.append("timeout: \(seconds)s")
                }
            }
            assessments.append(assessment)
        }
        if !assessments.isEmpty, assessments.allSatisfy(\.removed) {
            for index in assessments.indices {
                assessments[index].removed = false
                assessments[index].keptBecause = "every step fails; a procedure needs at least one step"
            }
            notes.append("every step fails more often than it succeeds; nothing is removed, since a procedure needs at least one step")
        }
        return (assessments, notes)
    }

    /// Assesses every step (``assess()``) and builds the change. Throws when there are fewer than
    /// ``minimumRuns`` recorded runs or the file cannot be changed safely.
    package func plan() throws(Diagnostic) -> Plan {
        let stats = document.stats
        let file = document.file
        let items = document.root["steps"]?.items ?? []
        let (assessments, notes) = try assess()
        let removed = items.indices.filter { assessments[$0].removed }
        let robust = items.indices.filter { !assessments[$0].added.isEmpty && !assessments[$0].removed }
        guard !removed.isEmpty || !robust.isEmpty else {
            return Plan(steps: assessments, version: version, bytes: file.bytes, notes: notes, changes: false)
        }
        guard let sequence = document.root["steps"], !sequence.isFlow else {
            throw Diagnostic(.error, "the steps are written in flow style ([...]); optimize can only change steps of a block list", path: file.path)
        }
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        for index in removed {
            edits.append((try stepRange(items[index]), []))
        }
        for index in robust {
            edits.append(try addition(assessments[index].added, to: items[index]))
        }
        edits.append(try versionEdit())
        var bytes = file.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: edit.text)
        }
        let changed = try StatsDocument(file: SourceFile(path: file.path, bytes: bytes))
        let changedItems = changed.root["steps"]?.items ?? []
        guard changedItems.count == items.count - removed.count,
            robust.allSatisfy({ index in
                let position = index - removed.filter { $0 < index }.count
                return changedItems.indices.contains(position) && changedItems[position]["retries"] != nil
            })
        else {
            throw Diagnostic(.error, "changing the steps would change the file in unexpected ways; it was left unchanged", path: file.path)
        }
        // The removed steps' figures leave the block; a repeated fingerprint's `-N` suffix follows
        // its step to its new count.
        var renames: [String: String?] = [:]
        // (The keys of the procedure's own steps: a group's steps are not assessed, so keep theirs.)
        var newKeys = zip(StepKey.items(in: changed.root), changed.stepKeys).filter(\.0.isTopLevel).map(\.1).makeIterator()
        for index in items.indices {
            if removed.contains(index) {
                renames[assessments[index].key] = .some(nil)
            } else if let key = newKeys.next(), key != assessments[index].key {
                renames[assessments[index].key] = key
            }
        }
        var kept = stats
        kept.steps = stats.steps.compactMap { entry in
            guard let rename = renames[entry.key] else { return entry }
            return rename.map { ($0, entry.stats) }
        }
        let final = try changed.replacingStats(with: kept)
        return Plan(steps: assessments, version: version + 1, bytes: final, notes: notes, changes: true)
    }

    /// The document's `version` (1 when absent).
    var version: Int {
        document.root["version"]?.scalar.flatMap { NodeReader.parseInteger($0.text) } ?? 1
    }
}
