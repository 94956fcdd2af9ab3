package import ProcrunText

extension StepMatrix {
    /// One axis of a matrix: its name and where its values come from.
    package struct Axis: Sendable {
        /// Where the values come from.
        package enum Values: Sendable {
            /// An expression (`os: inputs.platforms`) that must give a list.
            case expression(Condition)
            /// A list written in the file: each string a template, mappings and lists kept as
            /// they are (`{name: a, port: 1}`).
            case written([ParameterTree])
        }

        /// The axis's name, read as `matrix.NAME`.
        package var name: Located<String>
        /// Its values.
        package var values: Values
    }
}
