extension ShellPlan {
    /// An environment variable that carries one templated value to the shell script.
    package struct Variable: Sendable, Hashable {
        /// The variable's name: `PROCRUN_V1`, `PROCRUN_V2`, ...
        package var name: String
        /// The value, verbatim.
        package var value: String

        /// Creates a variable.
        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
