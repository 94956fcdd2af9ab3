package import ProcrunText

extension StepMatrix {
    /// The entries of a matrix whose values are known: every combination of the axes' values,
    /// the first axis slowest; then those an `exclude` mapping matches (every key it gives has
    /// that value) taken out; then each `include` mapping merged into every remaining combination
    /// whose axes it agrees with (it may set names that are no axis, and replace values an earlier
    /// `include` set, never an axis's), or added as an entry of its own when it agrees with none.
    /// Every entry has every name: one an entry has no value for is null.
    package static func entries(
        axes: [(name: String, values: [Value])], include: [[(key: String, value: Value)]], exclude: [[(key: String, value: Value)]]
    ) -> [MatrixEntry] {
        var combinations: [[String: Value]] = [[:]]
        for axis in axes {
            combinations = combinations.flatMap { combination in
                axis.values.map { value in combination.merging([axis.name: value]) { $1 } }
            }
        }
        combinations.removeAll { combination in
            exclude.contains { mapping in mapping.allSatisfy { combination[$0.key] == $0.value } }
        }
        let axisNames = Set(axes.map(\.name))
        var keys = axes.map(\.name)
        var added: [[String: Value]] = []
        for mapping in include {
            for (key, _) in mapping where !keys.contains(key) { keys.append(key) }
            var merged = false
            for index in combinations.indices where mapping.allSatisfy({ !axisNames.contains($0.key) || combinations[index][$0.key] == $0.value }) {
                for (key, value) in mapping { combinations[index][key] = value }
                merged = true
            }
            if !merged { added.append(Dictionary(mapping, uniquingKeysWith: { $1 })) }
        }
        return (combinations + added).map { values in
            MatrixEntry(keys: keys, values: Dictionary(uniqueKeysWithValues: keys.map { ($0, values[$0] ?? .null) }))
        }
    }
}
