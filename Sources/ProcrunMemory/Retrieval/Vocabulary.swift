/// Every term the library's procedures use (their stems), so that a task's word can be told known
/// or unknown before searching, and a mistyped or run-together word read as the one meant.
///
/// Kept in the find cache with the documents, so that a search from the cache does not decode
/// every document's terms to learn it.
package struct Vocabulary: Sendable {
    /// The terms.
    package let terms: Set<String>

    /// A vocabulary of the given terms.
    package init(terms: Set<String>) {
        self.terms = terms
    }

    /// The terms of `documents`.
    package init(documents: [IndexedDocument]) {
        var terms: Set<String> = []
        for document in documents { terms.formUnion(document.terms.keys) }
        self.terms = terms
    }

    /// Whether some procedure uses `term`.
    package func contains(_ term: String) -> Bool {
        terms.contains(term)
    }
}
