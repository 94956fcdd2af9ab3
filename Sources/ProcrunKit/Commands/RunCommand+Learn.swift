extension RunCommand {
    /// Records the run in the file's `stats` block; a failure to save is a warning that leaves the
    /// run's result and exit code alone.
    func learn(from report: RunReport, renderer: DiagnosticRenderer, stderr: TextOutput) {
        do {
            try StatsLearner.record(report, at: path)
        } catch {
            var warning = error
            warning.severity = .warning
            warning.message = "the stats of this run could not be saved: " + error.message
            stderr.write(renderer.render(warning))
            stderr.flush()
        }
    }
}
