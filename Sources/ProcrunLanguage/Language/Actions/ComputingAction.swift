/// A built-in action that only computes (`log`, `assert`, `fail`, `set`): it changes nothing
/// outside procrun, so a dry run performs it; it runs no command for `procrun show` to preview,
/// and expects nothing of its result by default.
protocol ComputingAction: BuiltinAction {}

extension ComputingAction {
    static var hasEffects: Bool { false }

    var preview: String? { nil }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        try perform(context, into: &result)
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? { nil }
}
