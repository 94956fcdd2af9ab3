extension ProcedureIndex {
    /// The procedures offered to people and agents (`list`, shell completion, Agent Skills,
    /// MCP `procedure_stats`), sorted by name, then path: every entry but the internal ones,
    /// which run only when another procedure calls them (``Library/refusalToStart(_:index:)``).
    package var listed: [Entry] { entries.filter { !$0.isInternal } }
}
