import ProcrunText

extension EnvironmentSettings {
    /// The problems of the `env` templates, in file order, as the run renders them: each may read
    /// `roots` and, as `env`, the variables of `inherited` (the process's and the layers below),
    /// this layer's `.env` values and the variables written above it. An undefined `env.NAME` is
    /// given a "did you mean" only among the variables the files set (`defined`, the layers below,
    /// then this layer's so far), never among the process's.
    func problems(roots: [String: NameShape], inherited: [String: NameShape], defined: [String]) -> [(field: TemplateField, error: TemplateError)] {
        var names = inherited
        var defined = defined
        for name in loaded.map(\.name) {
            names[name] = .value(.string)
            defined.append(name)
        }
        var problems: [(field: TemplateField, error: TemplateError)] = []
        for (name, field) in values {
            var scope = roots
            scope["env"] = .object(names, open: false, optionalWithDefault: true)
            let errors = field.template.check(in: .object(scope, open: false, optionalWithDefault: false))
            problems += errors.map { (field, Self.suggesting($0, from: defined)) }
            names[name] = .value(.string)
            defined.append(name)
        }
        return problems
    }

    /// `error` with an undefined `env.NAME`'s suggestion taken from `defined` alone.
    private static func suggesting(_ error: TemplateError, from defined: [String]) -> TemplateError {
        guard case .undefinedName(let name, _, let path) = error.problem, path.count == 2, path[0] == "env" else { return error }
        var suggested = error
        suggested.problem = .undefinedName(name: name, suggestion: Suggestion.closest(to: path[1], in: defined).map { "env." + $0 }, path: path)
        return suggested
    }
}
