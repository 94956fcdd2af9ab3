extension StatsMerger {
    /// The result of a merge.
    public struct Result: Sendable {
        /// The merged file's bytes (with conflict markers when ``conflicted``).
        public var bytes: [UInt8]
        /// Whether the authored part has conflicts left for a person to resolve.
        public var conflicted: Bool
        /// The merged figures (nil when the files were merged as text alone).
        public var stats: ProcedureStats?
    }
}
