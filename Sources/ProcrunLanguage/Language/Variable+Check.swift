import ProcrunText

extension Variable {
    /// What checking one layer's variables (`procrun.yaml`'s or a procedure's) finds: their
    /// problems, and what is known of each value before the run, by name.
    struct Checked {
        /// The problems, in file order.
        var diagnostics: [Diagnostic] = []
        /// Each variable's shape, by name.
        var shapes: [String: NameShape] = [:]
    }

    /// Checks `variables` (one layer, in file order, written in `file`): each one's templates may
    /// read `roots` (`inputs`, `env`, `os`: what the layer's variables may read) and, as `vars`,
    /// the variables of `inherited` (the library's that the layer does not shadow) and the layer's
    /// own declared above it. A read of anything else is an error that says what a variable may
    /// read; one of a variable declared at or below it says that this is why variables never
    /// form a cycle. A command is held to the shell-safety rules of a `shell` step's.
    static func check(_ variables: [Variable], roots: [String: NameShape], inherited: [String: NameShape], file: SourceFile) -> Checked {
        var checked = Checked()
        var visible = inherited
        for (index, variable) in variables.enumerated() {
            var names = roots
            names["vars"] = .object(visible)
            let scope = NameShape.object(names)
            let later = Set(variables[index...].map(\.name.value))
            for field in variable.templates where !field.template.isLiteral {
                for error in field.template.check(in: scope) {
                    let problem = explained(error, reading: variable, roots: roots, later: later)
                    checked.diagnostics.append(field.diagnostic(problem, at: error.range.lowerBound, in: file))
                }
            }
            if case .command(let call) = variable.definition {
                checked.diagnostics += call.shellSafetyDiagnostics(in: scope, file: file)
            }
            let shape = variable.shape(in: scope)
            visible[variable.name.value] = shape
            checked.shapes[variable.name.value] = shape
        }
        return checked
    }

    /// The problem to report for `error` in `variable`'s template: a name outside what a variable
    /// reads, or a variable declared at or below it (`later`), says so; others are as they are.
    private static func explained(_ error: TemplateError, reading variable: Variable, roots: [String: NameShape], later: Set<String>) -> any DiagnosticMessage {
        guard case .undefinedName(let name, _, let path) = error.problem, let root = path.first else { return error.problem }
        if root == "vars", path.count == 2, later.contains(path[1]) {
            return LanguageProblem.varReadsBelow(variable: variable.name.value, name: path[1])
        }
        if root != "vars", roots[root] == nil {
            return LanguageProblem.varReadsOutside(variable: variable.name.value, name: name, library: variable.isLibrary)
        }
        return error.problem
    }
}
