import ProcrunText

/// `fail`: always fails. Useful after a `when`.
final class FailAction: ComputingAction {
    static let declaration = ActionDeclaration(
        "fail", "Always fails. Useful after a `when`.",
        parameters: [ActionParameter("message", .template, .value(.string("failed")), "the error")])

    /// The error.
    let message: TemplateField?

    /// A step that fails with `message`.
    init(message: TemplateField?) {
        self.message = message
    }

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        message = parameters.field("message", reader: &reader)
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        if let message { fields.append(message) }
    }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        throw StepFailure(try context.string(message).map(StepProblem.stated) ?? .failed)
    }
}
