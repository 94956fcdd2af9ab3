extension InputOffer {
    /// A value of the recorded commands that could become an input.
    package struct Candidate: Sendable, Hashable {
        /// What makes a value worth offering; it also decides where an occurrence may stand.
        package enum Kind: Sendable, Hashable {
            /// A version: `1.4.2`, `v1.4.2` (digits and dots, at least one dot).
            case version
            /// A number other than 0 and 1.
            case number
            /// A word that two or more different commands use.
            case word
        }

        /// The value, as typed.
        package var value: String
        /// Why it is offered.
        package var kind: Kind
        /// The indexes of the draft's steps whose command holds it.
        package var steps: [Int]

        /// A candidate.
        package init(value: String, kind: Kind, steps: [Int]) {
            self.value = value
            self.kind = kind
            self.steps = steps
        }
    }
}
