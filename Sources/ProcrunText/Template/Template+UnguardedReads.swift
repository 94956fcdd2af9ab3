extension Template {
    /// The paths of the template's expressions whose rendering fails when the name they read
    /// has no value (``Expression/unguardedReads(_:needed:guarded:)``; every value a template
    /// renders is needed, but for a template of one expression when `needed` is false: see
    /// ``render(in:nullAllowed:)``).
    package func unguardedReads(_ absence: (Expression.Path) -> Expression.Absence?, guarded: Set<String> = [], needed: Bool = true) -> [Expression.Path] {
        var found: [Expression.Path] = []
        for case .expression(let expression, _) in parsedParts {
            found += expression.unguardedReads(absence, needed: needed || parsedParts.count > 1, guarded: guarded)
        }
        return found
    }
}
