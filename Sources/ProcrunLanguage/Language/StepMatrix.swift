package import ProcrunText

/// A step's `matrix`: the step runs once per combination of its axes' values (the first axis
/// slowest), with `exclude` taking combinations out and `include` merging values into them or
/// adding entries, as GitHub Actions does (``entries(axes:include:exclude:)``). Each entry is
/// readable as `matrix` in the step's templates. `parallel` runs the entries side by side, and
/// `isolate` gives each one a copy of the folder its commands run in.
package struct StepMatrix: Sendable {
    /// The axes, in the order written.
    package var axes: [Axis] = []
    /// The mappings of `include`, each key with its value.
    package var include: [[(key: Located<String>, value: ParameterTree)]] = []
    /// The partial mappings of `exclude`.
    package var exclude: [[(key: Located<String>, value: ParameterTree)]] = []
    /// Whether the entries run side by side (`parallel: true`, or a mapping).
    package var parallel = false
    /// How many entries run at once (`parallel: {max: N}`); nil means all of them.
    package var max: Int?
    /// `parallel: {fail_fast: ...}` as written; nil means true, unless the step's `on_failure`
    /// is `continue` (``failsFast(onFailure:)``).
    package var failFast: Bool?
    /// Whether each entry runs in a copy of the folder its commands run in (`isolate: true`).
    package var isolate = false

    /// The keys of the `matrix` mapping that are not axes.
    static let settingKeys: Set<String> = ["include", "exclude"]
    /// The keys of `parallel:` on a matrix step.
    static let parallelKeys = ["max", "fail_fast"]

    /// The names an entry has: the axes, then the keys only `include` brings, in the order written.
    package var keys: [String] {
        var keys = axes.map(\.name.value)
        for entry in include {
            for (key, _) in entry where !keys.contains(key.value) { keys.append(key.value) }
        }
        return keys
    }

    /// Every template of the values written out, of `include` and of `exclude`.
    package var templates: [TemplateField] {
        var fields = (include + exclude).flatMap { $0.flatMap(\.value.templates) }
        for axis in axes {
            if case .written(let trees) = axis.values { fields += trees.flatMap(\.templates) }
        }
        return fields.filter { !$0.template.isLiteral }
    }

    /// The axes whose values an expression gives, with that expression.
    package var expressions: [(axis: String, condition: Condition)] {
        axes.compactMap { axis in
            guard case .expression(let condition) = axis.values else { return nil }
            return (axis.name.value, condition)
        }
    }

    /// How many of `count` entries run at once when they run side by side: `max`, else all of
    /// them (up to the widest a parallel group may be).
    package func width(entries count: Int) -> Int {
        max ?? Swift.min(count, ParallelGroup.widest)
    }

    /// Whether a failed entry calls the others off: `fail_fast`, else unless the step goes on
    /// after a failure (`on_failure: continue`).
    package func failsFast(onFailure: FailurePolicy) -> Bool {
        failFast ?? (onFailure == .abort)
    }
}
