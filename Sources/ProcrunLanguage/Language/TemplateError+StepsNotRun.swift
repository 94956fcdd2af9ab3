package import ProcrunText

extension TemplateError {
    /// The error as the run explains it with the names read (`names`): an output of a step that
    /// was skipped, or failed while the run went on, is undefined because of that, and says so.
    package func explained(by names: RenderContext) -> TemplateError {
        guard case .undefinedName(let name, _, let path) = problem, path.count > 3, path[0] == "steps", path[2] == "outputs",
            case .mapping(let steps)? = names.roots["steps"], case .mapping(let step)? = steps[path[1]],
            case .string(let status)? = step["status"], status != "success"
        else { return self }
        return TemplateError(range: range, .outputOfStepNotRun(name: name, step: path[1], skipped: status == "skipped"), quoted: quoted)
    }
}
