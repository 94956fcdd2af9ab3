extension SkillsExporter {
    /// What an export did, by file path.
    package struct Summary: Sendable, Equatable {
        /// Files created or changed.
        package var written: [String] = []
        /// Files already up to date.
        package var unchanged: [String] = []
        /// Skill folders of procedures that no longer exist, removed.
        package var removed: [String] = []
        /// Superseded procedures left out, as `NAME -> SUCCESSOR`.
        package var superseded: [String] = []
    }
}
