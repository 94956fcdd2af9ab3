extension TaskQuery {
    /// One word of a task as first read, before concepts are formed: where it stands and what
    /// the piece of text around it is.
    struct Word: Sendable {
        /// The word, lowercase.
        var text: String
        /// The piece of the task it is in (the task split at white space).
        var chunk: Int
        /// The clause it is in (the task split after `,`, `;`, `:`, `.`, `!` and `?`).
        var clause: Int
        /// Its piece of the task, without the punctuation around it.
        var chunkText: String
        /// Whether its piece is a value (see ``TaskQuery/isValue(_:abbreviations:)``).
        var isValue: Bool
        /// Whether its piece holds several words (`new-checkout`, `pg_dump`, `HighLatency`).
        var isCompound: Bool
        /// Whether it stands in a subordinate clause (after `before`, `because`, ...).
        var isCircumstance = false

        /// Whether the word can join another into one (letters only, not a stop word, in a piece
        /// of its own).
        var isPlainWord: Bool {
            !isValue && !isCompound && !Tokenizer.stopWords.contains(text) && text.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
    }
}
