package import ProcrunText

/// Proposes a reviewable change to a procedure from its recorded stats, made by splicing the
/// file's bytes so that everything else stays as written, with `version` bumped:
///
/// - a step that fails more often than it succeeds is removed when its failures did not stop the
///   procedure (`on_failure: continue`; for a step of a parallel group, the group's), unless a
///   later part of the file reads it as `steps.ID`; one whose failures stopped the run is a gate
///   checking something broken, and a `finally` step's failures fail the run whatever: those are
///   reported, and removed only with ``removeFailing`` (`--remove-failing`);
/// - a parallel group is judged by its steps: it goes when the last of them does;
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

    /// Assesses every step (``assess()``) and builds the change. Throws when there are fewer than
    /// ``minimumRuns`` recorded runs or the file cannot be changed safely.
    package func plan() throws(Diagnostic) -> Plan {
        let stats = document.stats
        let file = document.file
        let placed = StepKey.items(in: document.root)
        let (assessments, notes) = try assess()
        let removed = placed.indices.filter { assessments[$0].removed }
        let robust = placed.indices.filter { !assessments[$0].added.isEmpty && !assessments[$0].removed }
        guard !removed.isEmpty || !robust.isEmpty else {
            return Plan(steps: assessments, version: version, bytes: file.bytes, notes: notes, changes: false)
        }
        var edits = try removals(removed, of: placed)
        for index in robust {
            edits.append(try addition(assessments[index].added, to: placed[index].node))
        }
        edits.append(try versionEdit())
        var bytes = file.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: edit.text)
        }
        // The steps left must be the others, in order and in the same places, the robust ones with
        // their retries.
        let changed = try StatsDocument(file: SourceFile(path: file.path, bytes: bytes))
        let changedPlaced = StepKey.items(in: changed.root)
        let survivors = placed.indices.filter { !assessments[$0].removed }
        guard changedPlaced.count == survivors.count,
            zip(survivors, changedPlaced).allSatisfy({ index, now in
                let before = placed[index]
                return now.node["id"]?.scalar?.text == before.node["id"]?.scalar?.text
                    && now.node["action"]?.scalar?.text == before.node["action"]?.scalar?.text
                    && now.isFinally == before.isFinally && (now.group == nil) == (before.group == nil)
            }),
            robust.allSatisfy({ index in survivors.firstIndex(of: index).map { changedPlaced[$0].node["retries"] != nil } ?? false })
        else {
            throw Diagnostic(LearningProblem.unexpectedChange, path: file.path)
        }
        // The removed steps' figures leave the block. A key that changes with the file follows its
        // step: a repeated fingerprint's `-N` suffix to its new count, an unnamed group's
        // fingerprint to what the group now holds.
        var renames: [String: String?] = [:]
        for index in removed { renames[assessments[index].key] = .some(nil) }
        for (position, index) in survivors.enumerated() where changed.stepKeys[position] != assessments[index].key {
            renames[assessments[index].key] = changed.stepKeys[position]
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
        document.root["version"]?.scalar.flatMap { DecimalText.integer($0.text) } ?? 1
    }
}
