import ProcrunLanguage
import ProcrunText

extension StepLoopRun {
    /// The entries of a matrix step, now: its axes' values (the lists written out rendered, the
    /// expressions evaluated), `include` and `exclude` rendered, then expanded
    /// (``StepMatrix/entries(axes:include:exclude:)``).
    func entries(of matrix: StepMatrix) throws(StepFailure) -> [MatrixEntry] {
        var axes: [(name: String, values: [Value])] = []
        for axis in matrix.axes {
            switch axis.values {
            case .written(let trees):
                var values: [Value] = []
                for tree in trees { values.append(try interpreter.render(tree)) }
                axes.append((axis.name.value, values))
            case .expression(let condition):
                axes.append((axis.name.value, try list(condition, what: "matrix axis '\(axis.name.value)'")))
            }
        }
        return StepMatrix.entries(axes: axes, include: try rendered(matrix.include), exclude: try rendered(matrix.exclude))
    }

    /// The mappings of `include` or `exclude`, their values rendered.
    private func rendered(_ mappings: [[(key: Located<String>, value: ParameterTree)]]) throws(StepFailure) -> [[(key: String, value: Value)]] {
        var rendered: [[(key: String, value: Value)]] = []
        for mapping in mappings {
            var pairs: [(key: String, value: Value)] = []
            for (key, tree) in mapping { pairs.append((key.value, try interpreter.render(tree))) }
            rendered.append(pairs)
        }
        return rendered
    }
}
