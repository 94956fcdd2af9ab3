extension ProcedureSearch {
    /// A procedure that came near a task nothing fits, and what it lacks.
    package struct Nearest: Sendable, Equatable {
        /// The procedure's name.
        package var name: String
        /// Its file.
        package var file: String
        /// The task's words it does not cover, as the task writes them.
        package var missing: [String]

        /// A near procedure.
        package init(name: String, file: String, missing: [String]) {
            self.name = name
            self.file = file
            self.missing = missing
        }
    }
}
