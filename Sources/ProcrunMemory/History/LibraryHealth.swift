package import ProcrunLanguage
package import ProcrunText

/// A library's health over a period, from its files and its git history (`procrun report`): per
/// procedure its figures now, what the period's commits added and their trend, and what needs
/// attention (flaky and slow steps, procedures never run or not run lately, superseded ones).
package struct LibraryHealth: Sendable {
    /// A procedure whose last run is older than this many days is not run lately.
    package static let staleDays = 30
    /// The days a report covers when no start is given: GitHub Actions' retention of runs, the
    /// stretch a team lead asks about.
    package static let defaultDays = 90
    /// How many spans the period is cut into for the trend lines.
    package static let bucketCount = 12

    /// The library's folder, as given.
    package var root: String
    /// The start and end of the period, in seconds since the epoch.
    package var since: Int, until: Int
    /// The first-parent commits in the period that changed the library.
    package var commits: Int
    /// Its procedures, by path.
    package var procedures: [ProcedureHealth]
    /// Versions in the history that could not be read, and a shallow clone's cut.
    package var warnings: [Diagnostic]
    /// Procedure files that cannot be read now.
    package var problems: [Diagnostic]

    /// The health of `library` between `since` and `until` (seconds since the epoch). Throws when
    /// the library is not in a git repository or git fails.
    package init(library: Library, since: Int, until: Int) throws(Diagnostic) {
        root = library.root
        self.since = since
        self.until = until
        let top = try Git.topLevel(of: library.root)
        guard let folder = FileSystem.relative(library.root, to: top) else {
            throw Diagnostic(LearningProblem.notInRepository(folder: library.root, message: "not under \(top)"))
        }
        // The procedures now.
        var procedures: [ProcedureHealth] = []
        var problems: [Diagnostic] = []
        var byRepositoryPath: [String: Int] = [:]
        let files = LibraryLayout.files(under: library.root)
        for file in files {
            let document: StatsDocument
            do throws(Diagnostic) {
                document = try StatsDocument(path: file.path)
            } catch {
                problems.append(error)
                continue
            }
            guard document.isProcedure else { continue }
            let inside = file.relativePath
            byRepositoryPath[folder.isEmpty ? inside : folder + "/" + inside] = procedures.count
            var health = ProcedureHealth(
                name: document.name ?? inside, path: inside, description: document.root["description"]?.scalar?.text ?? "",
                supersededBy: document.root["superseded_by"]?.scalar?.text, now: document.stats)
            health.lastRun = document.stats.lastExecuted.flatMap(LocalTime.secondsSinceEpoch)
            procedures.append(health)
        }
        // What the period's commits added.
        let commits = try HistoryLog.commits(in: top, paths: [folder.isEmpty ? "." : folder])
        self.commits = commits.count { $0.date >= since && $0.date <= until }
        let span = max(1, until - since + 1)
        let emptyBuckets = (0..<Self.bucketCount).map { ProcedureHealth.Bucket(start: since + span * $0 / Self.bucketCount) }
        var added: [Int: (period: ProcedureStats, buckets: [ProcedureHealth.Bucket])] = [:]
        let walk = try StatsHistory(commits: commits, root: top, library: folder, since: since, until: until) { change in
            guard change.delta.executionCount > 0 else { return }
            var entry = added[change.track] ?? (ProcedureStats(), emptyBuckets)
            entry.period = entry.period.adding(change.delta)
            let slot = min(Self.bucketCount - 1, max(0, (change.commit.date - since) * Self.bucketCount / span))
            entry.buckets[slot].runs += change.delta.executionCount
            entry.buckets[slot].successes += change.delta.successes
            entry.buckets[slot].durationMilliseconds += change.delta.totalDurationMilliseconds
            added[change.track] = entry
        }
        warnings = walk.unreadable + [try HistoryLog.shallowWarning(in: top)].compactMap { $0 }
        for (number, track) in walk.tracks.enumerated() where track.exists {
            guard let index = byRepositoryPath[track.path] else { continue }
            procedures[index].formerPaths = Array(track.paths.dropLast())
            if let entry = added[number] {
                procedures[index].period = entry.period
                procedures[index].buckets = entry.buckets
            }
        }
        for index in procedures.indices where procedures[index].buckets.isEmpty { procedures[index].buckets = emptyBuckets }
        // Who calls whom.
        let graph = CallGraph(library: library)
        let callers = graph.callers()
        var names: [String: String] = [:]
        for (key, procedure) in graph.procedures { names[key] = procedure.name.value }
        var calls: [String: Set<String>] = [:]
        for (callee, callerNames) in callers {
            for caller in callerNames { calls[caller, default: []].insert(names[callee] ?? callee) }
        }
        for index in procedures.indices {
            let file = FileSystem.join(library.root, procedures[index].path)
            procedures[index].calledBy = (callers[CallGraph.key(of: file)] ?? []).sorted()
            procedures[index].calls = (calls[procedures[index].name] ?? []).sorted()
        }
        self.procedures = procedures
        self.problems = problems
    }
}
