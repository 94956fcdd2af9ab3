import ProcrunLanguage
import ProcrunText

extension ProcedureReview {
    /// A procedure's authored changes, in words: everything but the stats block.
    package struct Authored: Sendable {
        /// Steps present only in the new version (matched by ``StepKey``).
        package var stepsAdded: [Step] = []
        /// Steps present only in the old version.
        package var stepsRemoved: [Step] = []
        /// Steps in both whose content differs.
        package var stepsChanged: [Step] = []
        /// Inputs added, removed and changed, by name.
        package var inputs = Names()
        /// Outputs added, removed and changed, by name.
        package var outputs = Names()
        /// `version` before and after, when it changed (nil: absent, which means 1).
        package var version: (before: String?, after: String?)?
        /// `superseded_by` before and after, when it changed.
        package var supersededBy: (before: String?, after: String?)?
        /// Other top-level keys whose value changed (`name`, `description`, `tags`, ...), in file order.
        package var otherKeys: [String] = []
        /// The number of steps of a procedure that was added or removed.
        package var stepCount = 0

        /// Whether nothing authored changed.
        package var isEmpty: Bool {
            stepsAdded.isEmpty && stepsRemoved.isEmpty && stepsChanged.isEmpty && inputs.isEmpty && outputs.isEmpty && version == nil
                && supersededBy == nil && otherKeys.isEmpty
        }

        static let described: Set<String> = ["steps", "inputs", "outputs", "version", "superseded_by", "stats"]

        /// Compares two versions (nil: absent on that side).
        init(base: StatsDocument?, head: StatsDocument?) {
            guard let base, let head else {
                stepCount = (base ?? head)?.stepKeys.count ?? 0
                return
            }
            let oldItems = base.root["steps"]?.items ?? []
            let newItems = head.root["steps"]?.items ?? []
            let oldIndex = Dictionary(base.stepKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let newKeys = Set(head.stepKeys)
            for (index, key) in head.stepKeys.enumerated() {
                guard let old = oldIndex[key] else {
                    stepsAdded.append(Step(head, index: index))
                    continue
                }
                if !YAMLNode.sameContent(oldItems[old], newItems[index]) { stepsChanged.append(Step(head, index: index)) }
            }
            for (index, key) in base.stepKeys.enumerated() where !newKeys.contains(key) {
                stepsRemoved.append(Step(base, index: index))
            }
            inputs = Names(base.root["inputs"], head.root["inputs"])
            outputs = Names(base.root["outputs"], head.root["outputs"])
            func scalar(_ document: StatsDocument, _ key: String) -> String? {
                document.root[key].flatMap { $0.scalar?.isNull == false ? $0.scalar?.text : nil }
            }
            for key in ["version", "superseded_by"] {
                let before = scalar(base, key)
                let after = scalar(head, key)
                guard before != after else { continue }
                if key == "version" { version = (before, after) } else { supersededBy = (before, after) }
            }
            let oldPairs = base.root.pairs ?? []
            for pair in head.root.pairs ?? [] where !Self.described.contains(pair.key) {
                let old = oldPairs.first { $0.key == pair.key }
                if old.map({ !YAMLNode.sameContent($0.value, pair.value) }) ?? true { otherKeys.append(pair.key) }
            }
            let newTop = Set((head.root.pairs ?? []).map(\.key))
            otherKeys += oldPairs.map(\.key).filter { !Self.described.contains($0) && !newTop.contains($0) }
        }
    }
}
