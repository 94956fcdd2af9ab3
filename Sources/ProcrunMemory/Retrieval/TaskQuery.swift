/// A task as `find` reads it: its words grouped into ``Concept``s, each with the forms a procedure
/// may use for it (`k8s` or `kubernetes`, `roll back` or `rollback`, `restroe` read as `restore`)
/// and a ``Concept/Kind`` that says how much it weighs and whether a procedure must cover it.
///
/// Numbers, versions, host names, shas and ticket ids are values: searched, at a low weight, never
/// required. Context words (``ContextWords``) and the words of a subordinate clause ("before the
/// migration") are circumstances: searched at a lower weight, never required. The other words are
/// what the task asks for; a word the library does not know at all stays one (`passport` in "renew
/// my passport"), so that a procedure covering only the rest is not taken for a fit.
package struct TaskQuery: Sendable {
    /// The task as given.
    package let text: String
    /// Its concepts, in the order written.
    package let concepts: [Concept]
    /// The concepts a procedure must cover, by index: those of kind ``Concept/Kind/word`` and
    /// ``Concept/Kind/unknown``.
    package let required: [Int]

    /// Reads `text` against the library's `vocabulary`, expanding `abbreviations`.
    package init(_ text: String, vocabulary: Vocabulary, abbreviations: Abbreviations = Abbreviations()) {
        self.text = text
        var reader = Reader(words: Self.words(of: text, abbreviations: abbreviations), vocabulary: vocabulary, abbreviations: abbreviations)
        let concepts = reader.concepts()
        self.concepts = concepts
        required = concepts.indices.filter { concepts[$0].isRequired }
    }

    /// Every term some form of a concept searches for, each once, in order.
    package var terms: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for concept in concepts {
            for form in concept.forms {
                for term in form.terms where seen.insert(term).inserted { out.append(term) }
            }
        }
        return out
    }
}
