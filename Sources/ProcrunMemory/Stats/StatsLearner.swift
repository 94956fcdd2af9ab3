import Glibc
package import ProcrunLanguage
package import ProcrunRuntime
package import ProcrunText

/// The learning layer's entry point: records one run in a procedure file's `stats` block.
///
/// Recording takes the file's lock (``FileLock``), reads the file again under it (it may have been
/// edited during a long run), adds the run to the figures found there, splices the new block in
/// (``StatsDocument``) and replaces the file atomically (``AtomicFileWriter``). Concurrent runs of
/// one file therefore never lose an update.
///
/// Nested procedures: a step that calls another procedure carries that procedure's step results in
/// ``StepResult/children``. ``recordNested(in:file:now:)`` records each such call in the called
/// procedure's own file, given a function that names the file a call step ran (`procrun run` passes
/// ``StepResult/calledFile``, which the interpreter sets on every call step).
package enum StatsLearner {
    /// Records `report` in the procedure file at `path` (a symbolic link updates its target and
    /// stays a link). Throws a diagnostic saying why the stats could not be saved; the file is then
    /// left as it was.
    ///
    /// `loaded` is the procedure as the run loaded it: when the file still holds exactly those bytes
    /// (nobody edited it during the run), its parsed document is used instead of parsing again.
    package static func record(
        _ report: RunReport, at path: String, now: String = UTCTimestamp.now(), loaded: Procedure? = nil
    ) throws(Diagnostic) {
        try update(path) { file throws(Diagnostic) in
            let unchanged = loaded.map { sameBytes($0.file.bytes, file.bytes) } ?? false
            let document =
                if let loaded, unchanged {
                    try StatsDocument(file: file, root: loaded.root, validated: true)
                } else {
                    try StatsDocument(file: file)
                }
            // A file replaced during the run by something that is not a procedure is left as it is.
            guard document.isProcedure else {
                throw Diagnostic(LearningProblem.noLongerProcedure, path: path)
            }
            if let loaded, document.name != loaded.name.value {
                throw Diagnostic(LearningProblem.anotherProcedure(found: document.name ?? "", expected: loaded.name.value), path: path)
            }
            // The keys of the steps as they ran: the loaded document's, even if the file was edited since.
            let keys = if let loaded, !unchanged { StepKey.keys(in: loaded.root) } else { document.stepKeys }
            let updated = document.stats.adding(delta(for: report, keys: keys, now: now, runID: RunID.make()))
            return (try document.replacingStats(with: updated), ())
        }
    }

    /// The one way a procedure file is rewritten by what it learned (a run's stats, an
    /// optimization, pruned figures): under the file's lock (``FileLock``; none without
    /// `locking`), `change` is given the file as read under it and returns the new bytes (nil:
    /// nothing to write) and a result; the bytes replace the file atomically (``AtomicFileWriter``),
    /// a symbolic link's target and not the link. Throws what `change` throws, or why the file
    /// could not be locked or written (it is then left as it was).
    package static func update<Result>(
        _ path: String, locking: Bool = true, _ change: (SourceFile) throws(Diagnostic) -> (bytes: [UInt8]?, result: Result)
    ) throws(Diagnostic) -> Result {
        let target = resolved(path)
        let lock: FileLock?
        do {
            lock = locking ? try FileLock(guarding: target) : nil
        } catch {
            throw Diagnostic(LearningProblem.fileOperation(reason: error.description), path: path)
        }
        defer { withExtendedLifetime(lock) {} }
        let (bytes, result) = try change(SourceFile(path: path, bytes: try SourceFile.read(target).bytes))
        if let bytes {
            do {
                try AtomicFileWriter.write(bytes, to: target)
            } catch {
                throw Diagnostic(LearningProblem.fileOperation(reason: error.description), path: path)
            }
        }
        return result
    }

    /// Records a whole run as `procrun run` does: `report` in the file at `path`, and every procedure
    /// it called in that procedure's own file (``StepResult/calledFile``). Returns the problems met,
    /// one per file whose stats could not be saved.
    package static func recordRun(_ report: RunReport, at path: String, loaded: Procedure? = nil) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        do {
            try record(report, at: path, loaded: loaded)
        } catch {
            problems.append(error)
        }
        return problems + recordNested(in: report, file: \.calledFile)
    }

    /// Records every nested procedure call and need in `report` (at any depth) in the called procedure's own
    /// file: `file` names the file a call step ran (nil for steps that called none). Returns the
    /// problems met, one per file that could not be saved; the others are saved regardless.
    package static func recordNested(
        in report: RunReport, file: (StepResult) -> String?, now: String = UTCTimestamp.now()
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // A need that ran is recorded as a call is; one that ran earlier in the run has no steps.
        var pending = report.steps + report.needs
        while let step = pending.popLast() {
            pending += step.children + step.needs
            guard !step.children.isEmpty, let path = file(step) else { continue }
            var nested = RunReport(
                procedure: step.action, file: path, success: step.status == .success,
                durationNanoseconds: step.durationNanoseconds, steps: step.children, outputs: step.outputs)
            nested.error = step.status == .failed ? step.error : nil
            do {
                try record(nested, at: path, now: now)
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    /// The figures one run adds: one execution, a success or a failure, its duration, time and id,
    /// and per step a run (success or failure) or a skip. `keys` are the keys of the procedure's
    /// steps in order (``StepKey/keys(in:)``); a step is found there by its number. An interrupted
    /// run is not meant to be recorded.
    package static func delta(for report: RunReport, keys: [String], now: String, runID: String? = nil) -> ProcedureStats {
        var delta = ProcedureStats()
        delta.executionCount = 1
        delta.successes = report.success ? 1 : 0
        delta.failures = report.success ? 0 : 1
        delta.totalDurationMilliseconds = report.durationMilliseconds
        delta.lastExecuted = now
        delta.runID = runID
        var position: [String: Int] = [:]
        for step in report.steps {
            var figures = StepStats()
            switch step.status {
            case .skipped:
                figures.skips = 1
            case .success:
                figures.runs = 1
                figures.successes = 1
                figures.totalDurationMilliseconds = step.durationMilliseconds
            case .failed:
                figures.runs = 1
                figures.failures = 1
                figures.totalDurationMilliseconds = step.durationMilliseconds
                // Only procrun's own words: nothing a step printed is ever written to the file.
                figures.lastError = firstLine(of: step.cause ?? "failed")
                if step.failureKind == .timedOut { figures.timeouts = 1 }
            }
            let key = step.id ?? (keys.indices.contains(step.number - 1) ? keys[step.number - 1] : "#\(step.number)")
            if let index = position[key] {
                delta.steps[index].stats = delta.steps[index].stats.adding(figures)
            } else {
                position[key] = delta.steps.count
                delta.steps.append((key, figures))
            }
        }
        return delta
    }

    /// The first non-empty line of an error, at most 200 characters.
    static func firstLine(of error: String) -> String {
        let line = error.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first { !$0.allSatisfy(\.isWhitespace) }
        let text = String(line ?? "failed").trimmingSpaces()
        return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }

    /// Whether two files' bytes are equal, compared with `memcmp` (a 1000-step file is 200 KB).
    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let left = x.baseAddress, let right = y.baseAddress else { return true }
                return memcmp(left, right, x.count) == 0
            }
        }
    }

    /// The real path of `path` (symbolic links followed), or `path` itself when it cannot be resolved.
    package static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
