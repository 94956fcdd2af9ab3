import ProcrunLanguage
import ProcrunText

extension ProcedureCallRun {
    /// What the templated callee names of a run can read before step 1: its inputs, `env`,
    /// `procedure` and `os`.
    private static let preRunScope = NameShape.object([
        "inputs": .object([:], open: true, optionalWithDefault: false),
        "env": .object([:], open: true, optionalWithDefault: false),
        "procedure": .object([:], open: true, optionalWithDefault: false),
        "os": Platform.shape,
    ])

    /// Resolves, before step 1 of `run`, each `replay_procedure` whose callee is a template
    /// reading only inputs, `env`, `procedure` and `os` (on a step without `when` or `for_each`, which
    /// may keep it from running or give it other values): a name that cannot be called fails the
    /// run before anything ran, at the template. Returns why, if one cannot.
    static func checkReferences(in run: Interpreter) -> String? {
        guard let graph = run.graph else { return nil }
        let procedure = run.procedure
        var problem: String?
        _ = procedure.firstStep { step in
            guard case .procedure(let call) = step.call, case .templated(let field) = call.reference, step.when == nil, step.loop == nil,
                field.template.check(in: preRunScope).isEmpty
            else { return false }
            do throws(StepFailure) {
                let name = try run.string(field)
                if case .failure(let failure) = graph.loadAtRunTime(name, from: procedure) {
                    let diagnostic = Diagnostic(
                        .error, failure.message, id: failure.id, path: procedure.file.path,
                        at: field.node.location(ofTextOffset: 0, in: procedure.file), notes: failure.notes)
                    problem = run.redactError(DiagnosticRenderer.line(diagnostic))
                }
            } catch {
                problem = run.redactError(error.message)
            }
            return problem != nil
        }
        return problem
    }
}
