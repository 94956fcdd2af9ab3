package import ProcrunLanguage
import ProcrunRuntime
package import ProcrunText

extension Recorder {
    /// A recording for `library`, as every door starts one (`procrun record`, MCP's
    /// `record_procedure`, ``ProceduralMemory``): the library's actions are commands (their exit
    /// code is expected), and the values of the environment's secret variables, of those named in
    /// `secretNames` and of credential shapes are replaced by inputs.
    package init(name: String, description: String, tags: [String] = [], library: Library, secretNames: [String] = []) {
        self.init(name: name, description: description, tags: tags)
        commandActions.formUnion(library.actions.keys)
        redactor = SecretRedactor(environment: FileSystem.environment(), secretNames: secretNames)
    }
}

extension Recorder {
    /// Why nothing is saved when ``draft(version:)`` finds no step that succeeded.
    package var nothingSucceeded: Diagnostic {
        Diagnostic(RecordingProblem.noStepSucceeded(recorded: steps.count))
    }
}
