extension TaskQuery {
    /// Forms a task's concepts from its words, against the library's vocabulary.
    struct Reader {
        /// The task's words.
        let words: [Word]
        /// What the library knows.
        let vocabulary: Vocabulary
        /// The abbreviations to expand.
        let abbreviations: Abbreviations
        /// For a verb, the particle a few words after it that makes a known word with it
        /// (`roll the flag out` → `rollout`): the particle's position and the joined stem.
        private var phrasalVerbs: [Int: (particle: Int, stem: String)] = [:]

        /// A reader of `words`.
        init(words: [Word], vocabulary: Vocabulary, abbreviations: Abbreviations) {
            self.words = words
            self.vocabulary = vocabulary
            self.abbreviations = abbreviations
        }

        /// The concepts, in order.
        mutating func concepts() -> [Concept] {
            findPhrasalVerbs()
            let particles = Set(phrasalVerbs.values.map(\.particle))
            var out: [Concept] = []
            var index = 0
            while index < words.count {
                let word = words[index]
                var concept: Concept?
                var next = index + 1
                if word.isValue || word.isCompound {
                    next = chunkEnd(index)
                    concept = piece(words[index..<next])
                } else if particles.contains(index) {
                    concept = nil
                } else if let verb = phrasalVerbs[index] {
                    concept = Concept(
                        text: word.text + " " + words[verb.particle].text, forms: [Concept.Form(terms: [verb.stem]), Concept.Form(terms: [Stemmer.stem(word.text)])],
                        kind: .word)
                } else if let joined = joinedWithNext(index) {
                    concept = joined
                    next = index + 2
                } else if Tokenizer.isTerm(word.text) {
                    concept = ContextWords.words.contains(word.text) ? Concept(text: word.text, forms: [Concept.Form(terms: [Stemmer.stem(word.text)])], kind: .context) : single(word.text)
                }
                if var concept {
                    if word.isCircumstance, concept.isRequired { concept.kind = .circumstance }
                    out.append(concept)
                }
                index = next
            }
            return out
        }

        /// The index after the last word of the piece that holds word `index`.
        private func chunkEnd(_ index: Int) -> Int {
            var end = index + 1
            while end < words.count, words[end].chunk == words[index].chunk { end += 1 }
            return end
        }

        /// A piece of several words, or a value: one concept. A compound the library knows whole
        /// (`on-call` as `oncall`) or in all its parts (`pg_dump`) is a word; anything else a value.
        private func piece(_ slice: ArraySlice<Word>) -> Concept? {
            guard let first = slice.first else { return nil }
            let stems = slice.compactMap { Tokenizer.stem($0.text) }
            guard !stems.isEmpty || !first.isValue else { return nil }
            let text = first.chunkText.lowercased()
            if first.isValue { return Concept(text: text, forms: [Concept.Form(terms: stems)], kind: .value) }
            let joined = Stemmer.stem(slice.map(\.text).joined())
            if vocabulary.contains(joined) {
                return Concept(text: text, forms: [Concept.Form(terms: [joined])] + (stems.isEmpty ? [] : [Concept.Form(terms: stems)]), kind: .word)
            }
            guard !stems.isEmpty else { return nil }
            return Concept(text: text, forms: [Concept.Form(terms: stems)], kind: stems.allSatisfy(vocabulary.contains) ? .word : .value)
        }

        /// Finds the phrasal verbs whose particle stands apart from the verb (`roll new-checkout
        /// out`): a particle, and the nearest plain word two to four words before it in its clause.
        private mutating func findPhrasalVerbs() {
            for (index, word) in words.enumerated() where ContextWords.particles.contains(word.text) && !word.isValue && !word.isCompound {
                var candidate = index - 2
                while candidate >= max(0, index - 4), words[candidate].clause == word.clause {
                    if words[candidate].isPlainWord {
                        if let stem = joined(words[candidate].text, word.text), phrasalVerbs[candidate] == nil { phrasalVerbs[candidate] = (index, stem) }
                        break
                    }
                    candidate -= 1
                }
            }
        }

        /// Word `index` and the next one as one word the library knows (`roll back` → `rollback`,
        /// `back up` → `backup`), or nil.
        private func joinedWithNext(_ index: Int) -> Concept? {
            guard index + 1 < words.count else { return nil }
            let (word, next) = (words[index], words[index + 1])
            guard word.isPlainWord, abbreviations.expansion(of: word.text) == nil, next.clause == word.clause, !next.isValue, !next.isCompound,
                next.text.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            else { return nil }
            guard let joined = joined(word.text, next.text) else { return nil }
            let parts = [word.text, next.text].compactMap(Tokenizer.stem)
            return Concept(text: word.text + " " + next.text, forms: [Concept.Form(terms: [joined]), Concept.Form(terms: parts)], kind: .word)
        }

        /// The stem of `first` and `second` written as one word, when the library knows it: as
        /// written (`back` `up` → `backup`) or with the first stemmed (`rolling` `back` → `rollback`).
        private func joined(_ first: String, _ second: String) -> String? {
            let whole = Stemmer.stem(first + second)
            if vocabulary.contains(whole) { return whole }
            let stemmed = Stemmer.stem(Stemmer.stem(first) + second)
            return vocabulary.contains(stemmed) ? stemmed : nil
        }

        /// One word: itself, its abbreviation's expansion or the abbreviations of it, two known
        /// words run together (`oncall`), or a typo's correction; unknown when none of these.
        private func single(_ word: String) -> Concept {
            let stem = Stemmer.stem(word)
            var forms = [Concept.Form(terms: [stem])]
            if let long = abbreviations.expansion(of: word) {
                let terms = Tokenizer.terms(long)
                var unique: [String] = []
                for term in terms where !unique.contains(term) { unique.append(term) }
                if !unique.isEmpty { forms.append(Concept.Form(terms: unique)) }
                let words = Tokenizer.words(long)
                if words.count > 1 { forms.append(Concept.Form(terms: [Stemmer.stem(words.joined())])) }
            }
            for short in abbreviations.abbreviations(ofStem: stem) where short != stem { forms.append(Concept.Form(terms: [short])) }
            if forms.contains(where: { $0.terms.allSatisfy(vocabulary.contains) }) { return Concept(text: word, forms: forms, kind: .word) }
            if let parts = split(word) { return Concept(text: word, forms: forms + [Concept.Form(terms: parts)], kind: .word) }
            let corrections = TypoCorrector.corrections(of: word, in: vocabulary)
            if !corrections.isEmpty {
                return Concept(text: word, forms: forms + corrections.map { Concept.Form(terms: [$0], isCorrection: true) }, kind: .word)
            }
            return Concept(text: word, forms: forms, kind: .unknown)
        }

        /// Two known words run together (`nodegroup` → `node group`, `oncall` → `call`), as the
        /// stems of those that are not stop words; nil when there are none. Each part but a stop
        /// word has three letters or more.
        private func split(_ word: String) -> [String]? {
            let letters = Array(word)
            guard letters.count >= 6, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
            for cut in 2..<(letters.count - 1) {
                let parts = [String(letters[..<cut]), String(letters[cut...])]
                var stems: [String] = []
                var fits = true
                for part in parts where !Tokenizer.stopWords.contains(part) {
                    let stem = Stemmer.stem(part)
                    guard part.count >= 3, vocabulary.contains(stem) else {
                        fits = false
                        break
                    }
                    stems.append(stem)
                }
                if fits, !stems.isEmpty, stems.joined().count >= 4 { return stems }
            }
            return nil
        }
    }
}
