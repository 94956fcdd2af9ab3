import ProcrunLanguage
import ProcrunText

extension TraceGeneralizer {
    /// The procedure generalized from `traces` for the library at `store`, as every door records
    /// one (`procrun record --from`, ``ProceduralMemory/finalize(_:keepOptional:policy:)``): their
    /// `cd` steps followed (``LogDirectories``), then generalized; when the text `write` makes of
    /// it would not pass `procrun check`, generalized again with every value literal, and
    /// ``Outcome/literalValues`` says why. A recording is never lost for a value. Nil when no
    /// trace has a successful step.
    package func generalize(
        _ traces: [Recorder], as recorder: Recorder, checkedIn store: ProcedureStore, at path: String, version: Int,
        allowUnknownActions: Bool = false, write: (ProcedureDraft) -> String
    ) -> Outcome? {
        let followed = traces.map { $0.followingFolders(root: store.library.root) }
        guard let outcome = generalize(followed, as: recorder, version: version) else { return nil }
        do {
            _ = try store.validate(write(outcome.draft), at: path, allowUnknownActions: allowUnknownActions)
            return outcome
        } catch {
            var literal = self
            literal.literalOnly = true
            guard var fallback = literal.generalize(followed, as: recorder, version: version) else { return outcome }
            let why = error.diagnostics.first.map { ": \($0.message)" } ?? ""
            fallback.literalValues.append("every value stays as the last log had it: the procedure with inputs would not pass 'procrun check'\(why)")
            return fallback
        }
    }
}
