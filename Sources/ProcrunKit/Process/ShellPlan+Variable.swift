extension ShellPlan {
    /// An environment variable that carries one templated value to the shell script.
    public struct Variable: Sendable, Hashable {
        /// The variable's name: `PROCRUN_V1`, `PROCRUN_V2`, ...
        public var name: String
        /// The value, verbatim.
        public var value: String

        /// Creates a variable.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
