/// An action defined in a library's `procrun.yaml`: a named command template with parameters.
public struct LibraryAction: Sendable {
    /// A parameter the action declares.
    public struct Parameter: Sendable {
        /// Its name.
        public var name: String
        /// Its default, if any.
        public var defaultValue: String?
        /// Whether a step must give it.
        public var required = false
        /// What it is for.
        public var description = ""
    }

    /// The action's name.
    public var name: String
    /// Where it is defined.
    public var location: SourceLocation
    /// The file that defines it.
    public var file: SourceFile
    /// What it does.
    public var description = ""
    /// Its declared parameters.
    public var parameters: [Parameter] = []
    /// The command it runs; its templates see `params`.
    public var command: CommandCall
}
