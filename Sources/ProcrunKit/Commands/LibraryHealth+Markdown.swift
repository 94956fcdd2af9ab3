import ProcrunMemory

extension LibraryHealth {
    /// The report as Markdown, for `$GITHUB_STEP_SUMMARY` and pull-request comments.
    func markdown() -> String {
        text()
    }
}
