extension RunCommand {
    /// Records the run in the file's `stats` block, and each procedure it called in that procedure's
    /// own file; a failure to save is a warning that leaves the run's result and exit code alone.
    /// Returns whether the run was recorded in the file's own stats.
    func learn(from report: RunReport, procedure: Procedure, renderer: DiagnosticRenderer, stderr: TextOutput) -> Bool {
        let problems = StatsLearner.recordRun(report, at: path, loaded: procedure)
        for var warning in problems {
            warning.severity = .warning
            warning.message = "the stats of this run could not be saved: " + warning.message
            stderr.write(renderer.render(warning))
        }
        stderr.flush()
        return !problems.contains { $0.path == path }
    }
}
