extension StepResult {
    /// The status reports give the step (the JSON report, `--events-fd` lines): in a dry run a
    /// step that would have run is `planned`, since nothing ran.
    func reportedStatus(dryRun: Bool) -> String {
        dryRun && status == .success ? "planned" : status.rawValue
    }
}
