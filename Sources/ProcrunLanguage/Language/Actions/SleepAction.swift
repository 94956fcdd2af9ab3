import ProcrunText

/// `sleep`: waits. Outcome: empty.
final class SleepAction: BuiltinAction {
    static let declaration = ActionDeclaration(
        "sleep", "Waits. Outcome: empty.",
        parameters: [ActionParameter("duration", .duration, .required, "how long to wait: a [duration](#scalar-types), or a template that gives one")])
    static let hasEffects = true

    /// How long.
    let duration: TemplateField

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let duration = parameters.duration("duration", reader: &reader) else { return nil }
        self.duration = duration
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields.append(duration)
    }

    var preview: String? { nil }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        result.outcome = "sleep " + (try context.string(duration))
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? { nil }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let text = try context.string(duration)
        guard let duration = NodeReader.parseDuration(text) else {
            throw StepFailure(.duration(parameter: "duration", found: text))
        }
        let allowed = context.timeLeft(duration) ?? duration
        if !Interrupts.sleep(allowed) { throw StepFailure.interrupted }
        if allowed < duration { throw StepFailure(.callerTimedOut) }
    }
}
