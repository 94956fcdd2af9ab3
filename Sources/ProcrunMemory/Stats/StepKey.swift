package import ProcrunText

/// How a step is named in `stats.steps`: its `id`, or, for a step without one, a short
/// fingerprint of what it does: `ACTION#XXXXXXXX`, the action's name and eight hex digits of a
/// hash of its action and parameters (``fingerprint(action:parameters:)``).
///
/// Neither depends on the step's position, so inserting, removing or reordering steps never moves
/// one step's record to another. Changing an unnamed step's action or parameters gives it a new key:
/// its old figures are kept as orphans (see ``StatsDocument/orphanKeys``), never credited to another
/// step. Two unnamed steps with the same action and parameters are told apart by their order: the
/// second is `ACTION#XXXXXXXX-2`, the third `-3`.
///
/// Files written before keys were fingerprints name an unnamed step `step-N` (N its position);
/// ``StatsDocument`` renames those keys when it reads a block in that older format.
package enum StepKey {
    /// The key of a step with the optional `id`, the action `action` and its `parameters` node
    /// (without the `-N` suffix of a repeated fingerprint).
    package static func key(id: String?, action: String, parameters: YAMLNode?) -> String {
        id ?? fingerprint(action: action, parameters: parameters)
    }

    /// The keys of a document's steps in order, read from its `steps` list (a parallel group's
    /// steps after the group), then its `finally` list.
    package static func keys(in root: YAMLNode) -> [String] {
        let flat = Self.items(in: root)
        var keys: [String] = []
        keys.reserveCapacity(flat.count)
        var seen: [String: Int] = [:]
        for (item, _, _) in flat {
            if let id = item["id"]?.scalar?.text {
                keys.append(id)
                continue
            }
            // A parallel group without an id is known by what it holds.
            let group = item["parallel"]
            let base = fingerprint(action: item["action"]?.scalar?.text ?? (group != nil ? "parallel" : "step"), parameters: item["parameters"] ?? group)
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            keys.append(count == 1 ? base : base + "-\(count)")
        }
        return keys
    }

    /// A document's step mappings in the order steps are numbered: its `steps` (a parallel group's
    /// steps right after the group), then its `finally` list; each with the index in this list of
    /// the group it is a step of, if any, and whether it is a `finally` step (or in a group of them).
    package static func items(in root: YAMLNode) -> [(node: YAMLNode, group: Int?, isFinally: Bool)] {
        var flat: [(node: YAMLNode, group: Int?, isFinally: Bool)] = []
        func add(_ items: [YAMLNode], group: Int?, isFinally: Bool) {
            for item in items {
                let index = flat.count
                flat.append((item, group, isFinally))
                if let members = item["parallel"]?["steps"]?.items { add(members, group: index, isFinally: isFinally) }
            }
        }
        add(root["steps"]?.items ?? [], group: nil, isFinally: false)
        add(root["finally"]?.items ?? [], group: nil, isFinally: true)
        return flat
    }

    /// The key files in the older block format gave the unnamed step at `number` (1-based).
    package static func legacyKey(number: Int) -> String {
        "step-\(number)"
    }

    /// The position a legacy `step-N` key names, if `key` is one.
    static func legacyNumber(_ key: String) -> Int? {
        guard key.hasPrefix("step-") else { return nil }
        let digits = key.dropFirst(5)
        guard !digits.isEmpty, digits.count <= 9, digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether `key` has the form of a fingerprint key (`ACTION#` then hex digits, maybe `-N`).
    static func isFingerprint(_ key: String) -> Bool {
        key.utf8.contains(UInt8(ascii: "#"))
    }
}
