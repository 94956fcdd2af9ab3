extension TextOutput {
    /// Writes `diagnostics` rendered by `renderer`, flushes, and returns the exit code of invalid
    /// input: how every command refuses a file or a command line.
    func reject(_ diagnostics: [Diagnostic], _ renderer: DiagnosticRenderer) -> Int32 {
        write(renderer.render(diagnostics))
        flush()
        return ExitStatus.invalid
    }

    /// ``reject(_:_:)`` for one diagnostic.
    func reject(_ diagnostic: Diagnostic, _ renderer: DiagnosticRenderer) -> Int32 {
        reject([diagnostic], renderer)
    }
}
