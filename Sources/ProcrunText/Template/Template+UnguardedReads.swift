extension Template {
    /// The paths of the template's expressions whose rendering fails when the name they read
    /// has no value (``Expression/unguardedReads(_:needed:guarded:)``; every value a template
    /// renders is needed).
    package func unguardedReads(_ absence: (Expression.Path) -> Expression.Absence?, guarded: Set<String> = []) -> [Expression.Path] {
        var found: [Expression.Path] = []
        for case .expression(let expression, _) in parsedParts {
            found += expression.unguardedReads(absence, guarded: guarded)
        }
        return found
    }
}
