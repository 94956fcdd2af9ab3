/// Finds the procedures of a library that fit a task described in words: the seam behind the MCP
/// `find_procedures` tool (``RankedFinder``: `procrun find`'s ranking).
package protocol ProcedureFinder: Sendable {
    /// At most `limit` procedures of the library rooted at `root` that fit `task`, best first, or
    /// when none does, the nearest ones.
    func find(_ task: String, inLibrary root: String, limit: Int) -> ProcedureSearch
}
