import ProcrunText

/// `log`: prints a message. Outcome: the message.
final class LogAction: ComputingAction {
    static let declaration = ActionDeclaration(
        "log", "Prints a message. Outcome: the message.",
        parameters: [
            ActionParameter("message", .template, .required, "the text printed"),
            ActionParameter("level", .choice(LogLevel.allCases.map(\.rawValue)), .value(.string(LogLevel.info.rawValue)), "how the message is shown"),
        ])

    /// The text printed.
    let message: TemplateField
    /// How it is shown.
    let level: LogLevel

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        let level = parameters.literal("level", LogLevel.self, reader: &reader) ?? .info
        guard let message = parameters.field("message", reader: &reader) else { return nil }
        self.message = message
        self.level = level
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields.append(message)
    }

    /// Prints the message, as a run does, and describes the step as `log: MESSAGE`.
    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        defer { result.outcome = "log: " + result.outcome }
        try perform(context, into: &result)
    }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        result.outcome = try context.string(message)
        context.log(context.redact(result.outcome), level: level)
    }
}
