extension StatsMerger {
    /// The result of a merge.
    public struct Result: Sendable {
        /// The merged file's bytes (with conflict markers when ``conflicted``).
        public var bytes: [UInt8]
        /// Whether the authored part has conflicts left for a person to resolve.
        public var conflicted: Bool
        /// Whether the file was merged as a procedure, its stats blocks added up; false when it was
        /// not a procedure (or a version of it did not read) and was merged as plain text.
        public var statsMerged = true

        /// The same result, for a file merged as plain text.
        var mergedAsText: Result {
            var result = self
            result.statsMerged = false
            return result
        }
        /// The merged figures (nil when the files were merged as text alone).
        public var stats: ProcedureStats?
    }
}
