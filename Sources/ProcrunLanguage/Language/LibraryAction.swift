package import ProcrunText

/// An action defined in a library's `procrun.yaml`: a named command template with parameters.
package struct LibraryAction: Sendable {
    /// A parameter the action declares.
    package struct Parameter: Sendable {
        /// Its name.
        package var name: String
        /// Its default, if any.
        package var defaultValue: String?
        /// Whether a step must give it.
        package var required = false
        /// What it is for.
        package var description = ""
    }

    /// The action's name.
    package var name: String
    /// Where it is defined.
    package var location: SourceLocation
    /// The file that defines it.
    package var file: SourceFile
    /// What it does.
    package var description = ""
    /// Its declared parameters.
    package var parameters: [Parameter] = []
    /// The command it runs; its templates see `params`.
    package var command: CommandCall

    /// What `params` holds for a call that gives `arguments` (by parameter name): each declared
    /// default, replaced by the argument when the call gives one. The one answer to a parameter's
    /// default, for the run, the dry run and `show`.
    package func parameterValues(_ arguments: [String: String]) -> [String: String] {
        var values = arguments
        for parameter in parameters where values[parameter.name] == nil {
            if let value = parameter.defaultValue { values[parameter.name] = value }
        }
        return values
    }
}
