import ProcrunText

extension ShellScanner {
    /// One value of the command line and what its place allows.
    struct Site {
        enum Kind: Equatable {
            /// Data: arrives exactly.
            case data
            /// Inside arithmetic: only an integer is allowed.
            case arithmetic
            /// A place where the value would become code: why (`'sh -c' runs this word as a
            /// shell script`).
            case code(String)
            /// Data, unless the value starts with `-`: then an option of the program, and why
            /// that is refused.
            case notOption(String)
            /// A place where a value cannot be expressed: the message.
            case refused(String)
            /// A problem of the template layer's catalog: a list where it cannot spread as words.
            case problem(TemplateProblem)
        }
        var offset: Int
        var kind: Kind
        /// The value's index among the values.
        var value: Int
        /// The index of the template's value it comes from (a list spread as words gives several
        /// values of one part), among the parts that are not `raw`.
        var part = 0
    }
}
