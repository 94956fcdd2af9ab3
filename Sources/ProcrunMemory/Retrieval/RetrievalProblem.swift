import ProcrunText

/// Every problem the retrieval layer reports (marking a procedure as superseded by another, for
/// `procrun merge`), with the data its message needs: ``described`` writes the messages and picks
/// their ids.
enum RetrievalProblem: DiagnosticMessage {
    /// A file without a top-level `name`.
    case noName(path: String)
    /// A file already superseded by `by`.
    case alreadySuperseded(path: String, by: String)
    /// A file whose `name` is not a one-line block entry, so the lines cannot be spliced after it.
    case cannotSplice(path: String, keep: String)

    var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .noName(let path): (.cannotMarkSuperseded, "cannot mark \(path): it has no top-level 'name'")
        case .alreadySuperseded(let path, let by): (.cannotMarkSuperseded, "\(path) is already superseded by '\(by)'; edit it by hand to change that")
        case .cannotSplice(let path, let keep):
            (.cannotMarkSuperseded, "cannot splice into \(path): its 'name' is not a one-line block mapping entry; add 'superseded_by: \(keep)' by hand")
        }
    }
}
