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
}
