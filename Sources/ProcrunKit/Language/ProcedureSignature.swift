/// What a caller needs to know about a procedure it calls: where it is, which inputs it takes and
/// which outputs it hands back. Kept small so a call never holds the whole callee.
public struct ProcedureSignature: Sendable {
    /// The callee's name.
    public var name: String
    /// Its file, as reports show it.
    public var path: String
    /// The key the ``CallGraph`` knows it by (its resolved absolute path).
    public var key: String
    /// Its declared inputs.
    public var inputs: [InputSpec]
    /// The names of its declared outputs.
    public var outputs: [String]

    /// The signature of a loaded procedure.
    public init(_ procedure: Procedure, key: String) {
        name = procedure.name.value
        path = procedure.file.path
        self.key = key
        inputs = procedure.inputs
        outputs = procedure.outputs.map(\.name)
    }

    /// `path:line:col` of an input's declaration, for notes.
    public func declaration(of input: InputSpec) -> String {
        "\(path):\(input.location.line):\(input.location.column)"
    }
}
