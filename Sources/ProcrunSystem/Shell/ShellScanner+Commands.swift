/// The words of simple commands and pipelines, and what the code rules find in them.
extension ShellScanner {

    mutating func addToWord(_ scalar: Unicode.Scalar) {
        guard !isInBody else { return }
        let top = commands.count - 1
        commands[top].word.literal.append(scalar)
        commands[top].word.text.append(scalar)
        commands[top].word.started = true
    }

    mutating func endWord() {
        let top = commands.count - 1
        var word = commands[top].word
        commands[top].word = Word()
        guard word.started else { return }
        if commands[top].nextIsHereString {
            word.isHereString = true
            commands[top].nextIsHereString = false
        }
        word.isRedirection = commands[top].nextIsRedirection
        commands[top].nextIsRedirection = false
        let literal = String(word.literal)
        if !word.hasValue, !word.hasNested {
            if literal == "[[", firstWord(top) == nil { commands[top].inDoubleBracket = true }
            if literal == "]]" { commands[top].inDoubleBracket = false }
        }
        if top == 0 { directWords.append(String(word.text)) }
        commands[top].words.append(word)
    }

    /// Ends a simple command: applies the code rules to its words. `pipeline` ends the pipeline
    /// too (anything but `|`).
    mutating func endCommand(pipeline: Bool) {
        let top = commands.count - 1
        endWord()
        let words = commands[top].words
        commands[top].words = []
        commands[top].inDoubleBracket = false
        commands[top].nextIsHereString = false
        commands[top].nextIsRedirection = false
        if keepsCommands, !words.isEmpty { simpleCommands.append((words, top > 0)) }
        if collectsNames, !words.isEmpty { collectArithmeticNames(words) }
        if !words.isEmpty { markArithmeticTests(words) }
        if !words.isEmpty, analyzesCode {
            let findings = ShellCodeRules.findings(words)
            for (index, reason) in findings.codeWords {
                let quoted = findings.posixScriptWords.contains(index) ? settleShellQuoted(words[index]) : []
                refuse(words[index].sites.filter { !quoted.contains($0) } + words[index].nestedSites, reason)
            }
            for (index, reason) in findings.optionLikeWords {
                guard let first = words[index].sites.first, sites[first].kind == .data else { continue }
                sites[first].kind = .notOption(reason)
            }
            for (index, reason) in findings.scriptFileWords {
                refuse(words[index].nestedSites, reason)
            }
            var stageSites: [Int] = []
            for word in words {
                stageSites += word.sites + word.nestedSites
                if word.isHereString, let reason = findings.readsCodeFromStandardInput { refuse(word.sites + word.nestedSites, reason) }
            }
            if top == 0, commands[top].stages.isEmpty, standardInputReader == nil {
                standardInputReader = findings.readsCodeFromStandardInput
            }
            commands[top].stages.append((stageSites, findings.readsCodeFromStandardInput))
        }
        guard pipeline else { return }
        let stages = commands[top].stages
        for (position, stage) in stages.enumerated() {
            if let reason = stages[(position + 1)...].lazy.compactMap(\.readsCode).first {
                refuse(stage.sites, "its output is piped into a program where \(reason)")
            }
        }
        for (index, stage) in commands[top].heredocs {
            let later = stages.indices.contains(stage) ? stages[stage...].lazy.compactMap(\.readsCode).first : nil
            if let later { heredocs[index].feedsCode = later }
        }
        commands[top].stages = []
        commands[top].heredocs = []
    }

    mutating func refuse(_ indices: [Int], _ reason: String) {
        for index in indices {
            switch sites[index].kind {
            case .data, .arithmetic, .notOption: sites[index].kind = .code(reason)
            case .code, .refused, .problem: break
            }
        }
    }

    /// Marks the values of a `[[ ]]` test that are an operand of `-eq`, `-ne`, `-lt`, `-le`, `-gt`
    /// or `-ge` as arithmetic; its other operands (`==`, `!=`, `=~`, `-z`, `-n`, `-f`, ...) are
    /// strings or patterns, which a quoted value matches literally.
    mutating func markArithmeticTests(_ words: [Word]) {
        var inside = false
        // The words are read in place: most commands have no `[[` and cost one look at each.
        for index in words.indices {
            if !words[index].hasValue, !words[index].hasNested {
                let literal = String(words[index].literal)
                if literal == "[[", words[..<index].allSatisfy({ ShellCodeRules.keywords.contains(String($0.literal)) }) { inside = true }
                if literal == "]]" { inside = false }
                continue
            }
            guard inside, !words[index].sites.isEmpty else { continue }
            let neighbours = [index - 1, index + 1].filter(words.indices.contains).map { String(words[$0].literal) }
            guard neighbours.contains(where: Self.arithmeticTests.contains) else { continue }
            for site in words[index].sites where sites[site].kind == .data { sites[site].kind = .arithmetic }
        }
    }
}
