import ProcrunRuntime
import ProcrunText

extension TextOutput {
    /// Writes the failure's diagnostics rendered by `renderer`, flushes, and returns its exit
    /// status: how every command ends that does not succeed.
    package func end(_ failure: CommandFailure, _ renderer: DiagnosticRenderer) -> Int32 {
        write(renderer.render(failure.diagnostics))
        flush()
        return failure.exitStatus
    }

    /// ``end(_:_:)`` for invalid input: how every command refuses a file or a command line.
    func reject(_ diagnostics: [Diagnostic], _ renderer: DiagnosticRenderer) -> Int32 {
        end(.invalid(diagnostics), renderer)
    }

    /// ``reject(_:_:)`` for one diagnostic.
    func reject(_ diagnostic: Diagnostic, _ renderer: DiagnosticRenderer) -> Int32 {
        reject([diagnostic], renderer)
    }
}
