package import ArgumentParser

extension CompletionKind {
    /// A procedure argument: the library's procedure names, then procedure files and folders
    /// (``CompletionCandidates/procedures(_:prefix:)``).
    package static var procedures: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.procedures(words, prefix: prefix) }
    }
}
