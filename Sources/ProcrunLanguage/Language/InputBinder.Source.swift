extension InputBinder {
    /// Where a run's input values came from, which decides the terms its messages speak: the
    /// command line's (`--set NAME=VALUE`), JSON's (`--inputs`, an agent's `inputs`: JSON types,
    /// the `inputs` object), or a prompt's (the input alone).
    package enum Source: Sendable {
        /// `--set NAME=VALUE` texts: messages name `--set`.
        case commandLine
        /// A JSON object of values (`--inputs FILE`, `--inputs -`, an MCP client's `inputs`):
        /// messages name JSON types (`an array of strings`) and the `inputs` object.
        case json
        /// An answer typed at a prompt: messages name the input only.
        case prompt
    }
}
