import ProcrunText

/// Where the actions of a recording came from, as the file's first comment says it.
package enum RecordingSource: Sendable, Hashable {
    /// Commands typed at `procrun record`'s prompt.
    case prompt
    /// One list of actions: an action log (`procrun record --from LOG`) or the steps an agent gave
    /// MCP's `record_procedure`. The same actions make the same file, whichever door they came in by.
    case actions
    /// Several action logs generalized into one procedure, by their file names.
    case logs([String])

    /// The file text of `draft`: the schema modeline, this comment, then ``ProcedureWriter``'s text.
    package func text(of draft: ProcedureDraft) -> String {
        JSONSchema.modeline + "\n" + ProcedureWriter.text(draft, comment: "Recorded with procrun record " + comment + ".")
    }

    /// How the comment names the source.
    private var comment: String {
        switch self {
        case .prompt: "at the prompt"
        case .actions: "from a list of actions"
        case .logs(let names): "from \(names.count) action logs (\(names.joined(separator: ", ")))"
        }
    }
}
