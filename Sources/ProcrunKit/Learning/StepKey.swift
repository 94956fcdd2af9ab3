/// How a step is named in `stats.steps`: its `id`, or `step-N` (N its 1-based position) when it
/// has none.
///
/// A step without an id is therefore tracked by position: inserting a step before it moves its
/// figures to a new key. Give a step an id to keep its history stable.
public enum StepKey {
    /// The key of the step numbered `number` (1-based) with the optional `id`.
    public static func key(id: String?, number: Int) -> String {
        id ?? "step-\(number)"
    }

    /// The keys of a document's steps in order, read from its `steps` list (unreadable items are
    /// named by position).
    public static func keys(in root: YAMLNode) -> [String] {
        guard let items = root["steps"]?.items else { return [] }
        return items.enumerated().map { index, item in
            key(id: item["id"]?.scalar?.text, number: index + 1)
        }
    }
}
