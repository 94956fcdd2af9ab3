extension Expression {
    /// The paths of the expression whose evaluation fails when the name they read has no value:
    /// `absence` says which paths may lack one, and how (nil: the path always has one).
    ///
    /// A read is guarded, and not returned, under `default(...)`; a null read also where null is a
    /// value (either side of `==` and `!=`, the left of `in`, a filter that takes null); and any
    /// read on the right of `and` or `or` whose left reads the same subject
    /// (`inputs.n != null and inputs.n > 3`). `needed`: whether the expression's own value must
    /// not be null (true for a template's expressions, which render, and for a condition).
    /// `guarded`: subjects (``Path/subject``) already tested, whose reads are never returned.
    package func unguardedReads(_ absence: (Path) -> Absence?, needed: Bool = true, guarded: Set<String> = []) -> [Path] {
        var found: [Path] = []
        collectReads(absence, needed: needed, guarded: guarded, into: &found)
        return found
    }

    /// The subjects (``Path/subject``) of every path the expression reads.
    package var subjects: Set<String> {
        var subjects: Set<String> = []
        collectSubjects(into: &subjects)
        return subjects
    }

    private func collectSubjects(into subjects: inout Set<String>) {
        switch kind {
        case .literal: break
        case .path(let path): subjects.insert(path.subject)
        case .member(let operand, _), .not(let operand): operand.collectSubjects(into: &subjects)
        case .filter(let operand, let call):
            operand.collectSubjects(into: &subjects)
            for argument in call.arguments { argument.collectSubjects(into: &subjects) }
        case .binary(_, let left, let right, _):
            left.collectSubjects(into: &subjects)
            right.collectSubjects(into: &subjects)
        case .conditional(let chosen, let condition, let otherwise):
            chosen.collectSubjects(into: &subjects)
            condition.collectSubjects(into: &subjects)
            otherwise.collectSubjects(into: &subjects)
        }
    }

    private func collectReads(_ absence: (Path) -> Absence?, needed: Bool, guarded: Set<String>, into found: inout [Path]) {
        switch kind {
        case .literal:
            return
        case .path(let path):
            guard !guarded.contains(path.subject), let how = absence(path) else { return }
            if how == .undefined || needed { found.append(path) }
        case .member(let operand, _):
            operand.collectReads(absence, needed: true, guarded: guarded, into: &found)
        case .filter(let operand, let call) where call.filter == .default:
            // `default` takes a missing name as null (a path's, or a field's of a value), and null
            // as its argument: what it gives is needed as the filter's value is.
            switch operand.kind {
            case .path: break
            case .member(let inner, _): inner.collectReads(absence, needed: false, guarded: guarded, into: &found)
            default: operand.collectReads(absence, needed: false, guarded: guarded, into: &found)
            }
            for argument in call.arguments { argument.collectReads(absence, needed: needed, guarded: guarded, into: &found) }
        case .filter(let operand, let call):
            operand.collectReads(absence, needed: !(call.filter?.accepts(.null) ?? false), guarded: guarded, into: &found)
            for argument in call.arguments { argument.collectReads(absence, needed: true, guarded: guarded, into: &found) }
        case .not(let operand):
            operand.collectReads(absence, needed: true, guarded: guarded, into: &found)
        case .binary(let op, let left, let right, _):
            switch op {
            case .and, .or:
                // The right side is evaluated only after the left, which may have tested the name.
                left.collectReads(absence, needed: true, guarded: guarded, into: &found)
                right.collectReads(absence, needed: true, guarded: guarded.union(left.subjects), into: &found)
            case .equal, .notEqual:
                left.collectReads(absence, needed: false, guarded: guarded, into: &found)
                right.collectReads(absence, needed: false, guarded: guarded, into: &found)
            case .in, .notIn:
                left.collectReads(absence, needed: false, guarded: guarded, into: &found)
                right.collectReads(absence, needed: true, guarded: guarded, into: &found)
            default:
                left.collectReads(absence, needed: true, guarded: guarded, into: &found)
                right.collectReads(absence, needed: true, guarded: guarded, into: &found)
            }
        case .conditional(let chosen, let condition, let otherwise):
            // Either branch is evaluated only after the condition, which may have tested the name.
            condition.collectReads(absence, needed: true, guarded: guarded, into: &found)
            let tested = guarded.union(condition.subjects)
            chosen.collectReads(absence, needed: needed, guarded: tested, into: &found)
            otherwise.collectReads(absence, needed: needed, guarded: tested, into: &found)
        }
    }
}

extension Expression.Path {
    /// What the path is about: its root and first field (`inputs.tag`, `steps.build`), or its root
    /// alone. A read of one field of a subject tests it for the others (``Expression/subjects``).
    package var subject: String {
        guard case .field(let first)? = components.first else { return root }
        return root + "." + first
    }

    /// Where the whole path is written, in Unicode scalars from the start of the source text.
    package var range: Range<Int> { range(components: components.count) }
}
