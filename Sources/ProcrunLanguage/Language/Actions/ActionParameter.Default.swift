package import ProcrunText

extension ActionParameter {
    /// Whether a step must give a parameter, and what it is when the step does not.
    package enum Default: Sendable {
        /// A step must give it.
        case required
        /// It may be left out, and then it is not there (`stdin`, `body`).
        case optional
        /// It may be left out, and then it is this value.
        case value(Value)
        /// It may be left out, and then it is what the text says (`cwd`: the procedure file's folder).
        case described(String)

        /// The default column of grammar.md's table.
        var shown: String {
            switch self {
            case .required: "required"
            case .optional: "none"
            case .value(let value): "`\((try? value.rendered()) ?? value.jsonText)`"
            case .described(let text): text
            }
        }
    }
}
