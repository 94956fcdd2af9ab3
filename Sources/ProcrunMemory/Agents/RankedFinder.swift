import ProcrunLanguage

/// The finder behind the MCP `find_procedures` tool: `procrun find`'s ranking and judgement of fit
/// (``Ranker``) over the library's index and its cache, with the library's own abbreviations.
package struct RankedFinder: ProcedureFinder {
    /// A finder.
    package init() {}

    /// See ``ProcedureFinder/find(_:inLibrary:limit:)``.
    package func find(_ task: String, inLibrary root: String, limit: Int) -> ProcedureSearch {
        let library = (try? Library.locate(override: root)) ?? Library(root: root)
        let outcome = Ranker(index: LibraryIndex(library: library).index, abbreviations: Abbreviations(adding: library.findAbbreviations)).find(task, limit: limit)
        return ProcedureSearch(
            matches: outcome.matches.map { match in
                ProcedureMatch(
                    name: match.summary.name, file: match.summary.path, description: match.summary.description, tags: match.summary.tags,
                    score: match.score, matched: match.matched, runs: match.summary.runs, successRate: match.summary.successRate)
            },
            nearest: outcome.nearest.map { ProcedureSearch.Nearest(name: $0.summary.name, file: $0.summary.path, missing: $0.missing) },
            hint: outcome.toolHint)
    }
}
