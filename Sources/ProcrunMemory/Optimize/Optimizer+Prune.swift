package import ProcrunText

extension Optimizer {
    /// Removes from the stats block of the procedure file at `path` the figures that match no step
    /// of the file (orphans: left by a step whose key changed or that was removed), under the
    /// file's lock; the rest of the file is kept byte for byte. Returns the keys removed (none: the
    /// file is left as it was).
    package static func pruneOrphans(path: String) throws(Diagnostic) -> [String] {
        try StatsLearner.update(path) { file throws(Diagnostic) in
            let document = try StatsDocument(file: file)
            let orphans = document.orphanKeys
            guard !orphans.isEmpty else { return (nil, []) }
            var stats = document.stats
            stats.steps.removeAll { orphans.contains($0.key) }
            return (try document.replacingStats(with: stats), orphans)
        }
    }
}
