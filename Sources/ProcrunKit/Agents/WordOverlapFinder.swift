/// Ranks procedures by how many of the task's words appear in their name, description and tags
/// (name and tag words count double). Simple and predictable; a stand-in for real retrieval.
public struct WordOverlapFinder: ProcedureFinder {
    /// A finder.
    public init() {}

    /// See ``ProcedureFinder/find(_:inLibrary:limit:)``.
    public func find(_ task: String, inLibrary root: String, limit: Int) -> [ProcedureMatch] {
        let wanted = Set(Self.words(task))
        guard !wanted.isEmpty else { return [] }
        var matches: [ProcedureMatch] = []
        for entry in ProcedureIndex(root: root).entries {
            let (description, tags) = ListCommand.summary(of: entry.path, whole: true)
            let strong = Set(Self.words(entry.name) + tags.flatMap(Self.words))
            let weak = Set(Self.words(description))
            let score = Double(wanted.intersection(strong).count * 2 + wanted.intersection(weak).count)
            guard score > 0 else { continue }
            matches.append(ProcedureMatch(name: entry.name, file: entry.path, description: description, tags: tags, score: score))
        }
        matches.sort { ($0.score, $1.name) > ($1.score, $0.name) }
        return Array(matches.prefix(max(0, limit)))
    }

    /// Lowercase words of letters and digits; `deploy_backend` is `deploy` and `backend`.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count > 1 }
    }
}
