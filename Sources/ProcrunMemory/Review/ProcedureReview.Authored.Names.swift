import ProcrunText

extension ProcedureReview.Authored {
    /// Names added, removed and changed in a mapping.
    package struct Names: Sendable {
        /// Names only in the new version, in its order.
        package var added: [String] = []
        /// Names only in the old version, in its order.
        package var removed: [String] = []
        /// Names in both whose value differs.
        package var changed: [String] = []

        /// Whether nothing changed.
        package var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

        /// No names.
        init() {}

        /// The names of two mappings (nil: absent), compared.
        init(_ old: YAMLNode?, _ new: YAMLNode?) {
            let before = old?.pairs ?? []
            let after = new?.pairs ?? []
            let oldValues = Dictionary(before.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            let newKeys = Set(after.map(\.key))
            for pair in after {
                if let value = oldValues[pair.key] {
                    if !YAMLNode.sameContent(value, pair.value) { changed.append(pair.key) }
                } else {
                    added.append(pair.key)
                }
            }
            removed = before.map(\.key).filter { !newKeys.contains($0) }
        }
    }
}
