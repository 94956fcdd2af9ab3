extension StatsMerger {
    /// The result of a merge.
    package struct Result: Sendable {
        /// The merged file's bytes (with conflict markers when ``conflicted``).
        package var bytes: [UInt8]
        /// Whether the authored part has conflicts left for a person to resolve.
        package var conflicted: Bool
        /// Whether the file was merged as a procedure, its stats blocks added up; false when it was
        /// not a procedure (or a version of it did not read) and was merged as plain text.
        package var statsMerged = true

        /// The same result, for a file merged as plain text.
        var mergedAsText: Result {
            var result = self
            result.statsMerged = false
            return result
        }
        /// The merged figures (nil when the files were merged as text alone: not procedures, or
        /// procedures with no stats block on any side).
        package var stats: ProcedureStats?
    }
}
