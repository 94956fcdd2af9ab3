import ProcrunText

/// A place of a procedure where names are read: a template, or a condition (`when`, `assert`,
/// `for_each`), with the subjects already tested where it is read (a step's `when` tests what it
/// reads for the rest of the step).
struct ReadSite {
    /// The template or condition.
    var text: Text
    /// The step it belongs to (nil: the procedure's `env` and `outputs`).
    var step: Step?
    /// Subjects (``Expression/Path/subject``) tested before this is read.
    var guarded: Set<String>
    /// Whether a template of one expression must give a value (false for a call's input, where
    /// null means "not given").
    var needed = true

    /// The paths read without a value to fall back on (``Expression/unguardedReads(_:needed:guarded:)``).
    func unguardedReads(_ absence: (Expression.Path) -> Expression.Absence?, also tested: Set<String> = []) -> [Expression.Path] {
        let guarded = tested.isEmpty ? guarded : guarded.union(tested)
        switch text {
        case .template(let field): return field.template.unguardedReads(absence, guarded: guarded, needed: needed)
        case .condition(let condition): return condition.expression.unguardedReads(absence, guarded: guarded)
        }
    }

    /// `problem` at `path`, with `severity` and `notes`.
    func diagnostic(
        _ problem: some DiagnosticMessage, at path: Expression.Path, in file: SourceFile, _ severity: Diagnostic.Severity, notes: [Diagnostic.Note]
    ) -> Diagnostic {
        var diagnostic =
            switch text {
            case .template(let field): field.diagnostic(problem, at: path.range.lowerBound, in: file)
            case .condition(let condition): condition.diagnostic(problem, at: path.range.lowerBound, in: file)
            }
        diagnostic.severity = severity
        diagnostic.notes = notes
        return diagnostic
    }
}
