import ProcrunText

extension CallGraph {
    /// The index of the library whose file is being compiled now: the names a file is written with
    /// are its own library's (a procedure of an included library calls its neighbours as written).
    var scope: ProcedureIndex { loadingIndex ?? index }

    /// The index of the library `procedure` belongs to: ``index`` unless it came from a library
    /// that one includes.
    package func index(of procedure: Procedure) -> ProcedureIndex {
        guard hasIncludedProcedures else { return index }
        return owner(ofKey: Self.key(of: procedure.file.path)) ?? index
    }

    /// The library `procedure` runs with: the one whose file it is (its `procrun.yaml`'s shell,
    /// working folder, environment, variables and actions), which for a procedure of an included
    /// library is that library, whoever calls it.
    package func library(of procedure: Procedure) -> Library {
        guard hasIncludedProcedures else { return library }
        return owner(ofKey: Self.key(of: procedure.file.path))?.library ?? library
    }
}
