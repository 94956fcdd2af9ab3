extension TaskQuery {
    /// One unit of meaning of a task: a word, a word written in two (`roll back`), a hyphenated or
    /// snake_case name (`new-checkout`, `pg_dump`), or a value (`db-prod-3.internal`).
    package struct Concept: Sendable, Equatable {
        /// What a concept is, which sets its weight and whether it is required.
        package enum Kind: Sendable, Equatable {
            /// A word the library knows in some form: what the task asks for.
            case word
            /// A word the library knows in no form (`passport`): still what the task asks for.
            case unknown
            /// A number, version, host name, path, sha, ticket id or e-mail address.
            case value
            /// A general word of time, people or hedging (``ContextWords``).
            case context
            /// A word of a subordinate clause ("before the migration").
            case circumstance
        }

        /// One way a procedure may say the concept: all of `terms` (stems), or, for a
        /// correction of a typo, the word the task probably meant.
        package struct Form: Sendable, Equatable {
            /// The stems; a form of several counts in proportion to how many a procedure holds.
            package var terms: [String]
            /// Whether the form corrects a typo: it then counts less, and only in a procedure's
            /// name, tags, description and inputs, not in its commands.
            package var isCorrection = false
        }

        /// The words as the task writes them (lowercase).
        package var text: String
        /// The forms, the word's own first.
        package var forms: [Form]
        /// What it is.
        package var kind: Kind

        /// How much a correction of a typo counts, against the word itself.
        package static let correctionWeight = 0.7

        /// How much the concept counts in a procedure's relevance.
        package var weight: Double {
            switch kind {
            case .word, .unknown: 1
            case .value: 0.2
            case .context: 0.5
            case .circumstance: 0.6
            }
        }

        /// Whether a procedure must cover it to fit the task.
        package var isRequired: Bool {
            kind == .word || kind == .unknown
        }
    }
}
