package import ProcrunText

extension ShellPlanner {
    /// The problems of a list-form command found before the run: a templated value in an item
    /// that a program runs as code (`[sh, -c, "echo {{ v }}"]`), and a templated `stdin` given
    /// to a program that runs its standard input as code (`[sh]` with `stdin: "{{ v }}"`).
    /// Each error is paired with the index of its item (`arguments.count` for `stdin`).
    package static func problems(inArguments arguments: [Template], standardInput: Template? = nil) -> [(item: Int, error: TemplateError)] {
        let items = arguments.map(word)
        return problems(words: items.map(\.word), ranges: items.map { ($0.range, $0.value) }, items: arguments, standardInput: standardInput)
    }

    /// The problems of a command line with a templated `stdin`: a command of the line that
    /// reads the step's standard input (the first of a pipeline) and runs it as code
    /// (`command: sh`, `command: "cd x && bash"`).
    package static func problems(inLine line: Template, standardInput: Template) -> [TemplateError] {
        guard let input = standardInput.expressions.first, !standardInput.isLiteral else { return [] }
        var scanner = ShellScanner(analyzesCode: true)
        var offset = 0
        for part in line.parts {
            switch part {
            case .text(let text):
                scanner.scanCode(text, isLiteral: true, at: offset)
                offset += text.unicodeScalars.count
            case .expression(_, let range):
                scanner.insertValue("0", at: range.lowerBound)
                offset = range.upperBound
            }
        }
        scanner.finish()
        guard let reason = scanner.standardInputReader else { return [] }
        return [TemplateError(range: input.range, .commandSyntax(ShellScanner.codeMessage(reason, value: "{{ \(input.description) }}")))]
    }

    private static func problems(
        words: [ShellScanner.Word], ranges: [(range: Range<Int>, value: String)], items: [Template], standardInput: Template?
    ) -> [(item: Int, error: TemplateError)] {
        guard words.contains(where: \.hasValue) || standardInput.map({ !$0.isLiteral }) == true else { return [] }
        let findings = ShellCodeRules.findings(words)
        var found: [(item: Int, error: TemplateError)] = []
        for (index, reason) in findings.codeWords where words[index].hasValue {
            if findings.posixScriptWords.contains(index), let quoted = shellQuoteProblem(items[index], word: words[index]) {
                if let error = quoted { found.append((index, error)) }
                continue
            }
            found.append((index, TemplateError(range: ranges[index].range, .commandSyntax(ShellScanner.codeMessage(reason, value: ranges[index].value)))))
        }
        if let reason = findings.readsCodeFromStandardInput, let input = standardInput, !input.isLiteral, let first = input.expressions.first {
            found.append((words.count, TemplateError(range: first.range, .commandSyntax(ShellScanner.codeMessage(reason, value: "{{ \(first.description) }}")))))
        }
        return found
    }

    /// For an item a POSIX shell runs as a script whose every value's last filter is
    /// `shell_quote`: nil inside when each stands alone as a word outside quotes of that script
    /// (data), else the error at the first that does not. Nil for an item with another value.
    private static func shellQuoteProblem(_ item: Template, word: ShellScanner.Word) -> TemplateError?? {
        var misplaced: TemplateError?
        for (ordinal, part) in item.parts.filter({ if case .expression = $0 { true } else { false } }).enumerated() {
            guard case .expression(let expression, let range) = part, case .filter(_, let call) = expression.kind, call.filter == .shellQuote else {
                return nil
            }
            if misplaced == nil, !ShellScanner.standsAsWord(in: word.literal, value: ordinal) { misplaced = TemplateError(range: range, .shellQuoteNotWord) }
        }
        return .some(misplaced)
    }

    /// An item as a word: its literal text with each expression as U+0000, and the first
    /// expression's range.
    private static func word(_ template: Template) -> (word: ShellScanner.Word, range: Range<Int>, value: String) {
        var word = ShellScanner.Word()
        var first = 0..<0
        var value = ""
        word.started = true
        for part in template.parts {
            switch part {
            case .text(let text):
                word.literal.append(contentsOf: text.unicodeScalars)
            case .expression(let expression, let range):
                word.literal.append("\u{0}")
                if !word.hasValue { (first, value) = (range, "{{ \(expression.description) }}") }
                word.hasValue = true
            }
        }
        return (word, first, value)
    }
}
