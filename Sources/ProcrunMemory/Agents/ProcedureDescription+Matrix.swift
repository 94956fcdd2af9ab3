import ProcrunLanguage
import ProcrunText

extension ProcedureDescription {
    /// A step's `matrix` as written: each axis's values (each string as written) or expression,
    /// `include` and `exclude`, and how its entries run (`parallel`, `max`, `fail_fast`, the one
    /// the step's `on_failure` implies when not written, and `isolate`).
    static func write(_ matrix: StepMatrix, onFailure: FailurePolicy, into writer: inout JSONWriter) {
        var axes: [String: Value] = [:]
        for axis in matrix.axes {
            switch axis.values {
            case .written(let trees): axes[axis.name.value] = .list(trees.map(\.written))
            case .expression(let condition): axes[axis.name.value] = .string(condition.node.scalar?.text ?? "")
            }
        }
        let mappings = { (written: [[(key: Located<String>, value: ParameterTree)]]) in
            Value.list(written.map { mapping in .mapping(Dictionary(mapping.map { ($0.key.value, $0.value.written) }, uniquingKeysWith: { $1 })) })
        }
        writer.beginObject("matrix")
        writer.raw("axes", Value.mapping(axes).jsonText)
        writer.raw("include", mappings(matrix.include).jsonText)
        writer.raw("exclude", mappings(matrix.exclude).jsonText)
        writer.boolean("parallel", matrix.parallel)
        writer.integer("max", matrix.max)
        writer.boolean("fail_fast", matrix.failsFast(onFailure: onFailure))
        writer.boolean("isolate", matrix.isolate)
        writer.endObject()
    }
}
