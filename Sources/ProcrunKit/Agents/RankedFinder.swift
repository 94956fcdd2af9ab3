/// The finder behind the MCP `find_procedures` tool: `procrun find`'s ranking (BM25 relevance
/// weighted by each procedure's success record) over the library's index and its cache.
package struct RankedFinder: ProcedureFinder {
    /// A finder.
    package init() {}

    /// See ``ProcedureFinder/find(_:inLibrary:limit:)``.
    package func find(_ task: String, inLibrary root: String, limit: Int) -> [ProcedureMatch] {
        Ranker(index: LibraryIndex(root: root).index).rank(task, limit: limit).map { match in
            ProcedureMatch(
                name: match.summary.name, file: match.summary.path, description: match.summary.description, tags: match.summary.tags,
                score: match.score)
        }
    }
}
