package import ProcrunText

/// What a caller needs to know about a procedure it calls: where it is, which inputs it takes and
/// which outputs it hands back. Kept small so a call never holds the whole callee.
package struct ProcedureSignature: Sendable {
    /// The callee's name.
    package var name: String
    /// Its file, as reports show it.
    package var path: String
    /// Where its `name` is written in that file.
    package var location: SourceLocation
    /// The key the ``CallGraph`` knows it by (its resolved absolute path).
    package var key: String
    /// Its declared inputs.
    package var inputs: [InputSpec]
    /// The names of its declared outputs.
    package var outputs: [String]

    /// The signature of a loaded procedure.
    package init(_ procedure: Procedure, key: String) {
        name = procedure.name.value
        path = procedure.file.path
        location = procedure.name.location
        self.key = key
        inputs = procedure.inputs
        outputs = procedure.outputs.map(\.name)
    }

    /// A note at an input's declaration.
    package func declaration(of input: InputSpec) -> Diagnostic.Note {
        Diagnostic.Note(LanguageProblem.declaredHere(input: input.name), path: path, at: input.location)
    }
}
