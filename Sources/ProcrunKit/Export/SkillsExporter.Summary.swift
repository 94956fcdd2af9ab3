extension SkillsExporter {
    /// What an export did, by file path.
    public struct Summary: Sendable, Equatable {
        /// Files created or changed.
        public var written: [String] = []
        /// Files already up to date.
        public var unchanged: [String] = []
        /// Skill folders of procedures that no longer exist, removed.
        public var removed: [String] = []
    }
}
