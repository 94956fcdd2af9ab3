import ProcrunText

extension Duration {
    /// The value of a duration option (`--timeout 30s`), read as procedure files write durations;
    /// the error names the option and says what was expected.
    init(option name: String, _ text: String) throws(Diagnostic) {
        guard let duration = Duration(parsing: text) else {
            throw Diagnostic(CommandProblem.notDuration(option: name, text: text))
        }
        self = duration
    }
}
