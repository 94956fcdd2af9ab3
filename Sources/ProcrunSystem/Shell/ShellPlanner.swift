package import ProcrunText

/// Decides how a `shell` command runs so that templated values are always data, never code.
package enum ShellPlanner {
    /// Plans a command from its parts, each value placed right after the text before it.
    ///
    /// Without `raw` parts, shell syntax outside quotes, a builtin or keyword as first word, or a
    /// leading assignment, the command is split into words here (POSIX quoting) and run directly;
    /// each value joins the word it stands in, verbatim. Otherwise it runs as `shell -c script`,
    /// each value replaced by a reference to an environment variable `PROCRUN_Vn` quoted for the
    /// context it stands in. A value where it would become code (the script of `sh -c`, `eval`'s
    /// words, text piped into a shell), or a value that is not an integer inside arithmetic, is
    /// refused. `shell` is the program `ShellPlan.arguments(shell:)` should be given; the plan
    /// itself does not depend on it.
    package static func plan(_ parts: [RenderedPart], shell: String = "/bin/sh") throws(ShellPlanError) -> ShellPlan {
        try plan(scan(placedInOrder(parts)))
    }

    /// Parts with their offsets, each value placed right after the text before it.
    static func placedInOrder(_ parts: [RenderedPart]) -> [(RenderedPart, Int)] {
        var offset = 0
        return parts.map { part -> (RenderedPart, Int) in
            defer { if case .text(let text) = part { offset += text.unicodeScalars.count } }
            return (part, offset)
        }
    }

    /// Plans a template's rendered parts; an error's offset is a position in the template's text.
    package static func plan(_ template: Template, rendered: [RenderedPart]) throws(ShellPlanError) -> ShellPlan {
        try plan(scan(placed(template, rendered), shellQuoted: shellQuoted(template)), labels: labels(template))
    }

    /// The values (counted as ``ShellScanner/part`` counts them: those that are not `raw`) whose
    /// last filter is `shell_quote`.
    static func shellQuoted(_ template: Template) -> Set<Int> {
        var found: Set<Int> = []
        var part = 0
        for case .expression(let expression, _) in template.parts {
            guard case .filter(_, let call) = expression.kind else {
                part += 1
                continue
            }
            if call.filter == .raw { continue }
            if call.filter == .shellQuote { found.insert(part) }
            part += 1
        }
        return found
    }

    /// How the template writes each value (`{{ inputs.v }}`), for messages.
    private static func labels(_ template: Template) -> [String] {
        template.parts.compactMap { part in
            guard case .expression(let expression, _) = part else { return nil }
            if case .filter(_, let call) = expression.kind, call.filter == .raw { return nil }
            return "{{ \(expression.description) }}"
        }
    }

    /// The command as a dry run shows it: the template's text with each value written as a
    /// literal quoted for where it stands (after `mask` hides secrets in it), so that pasting the
    /// line into a shell runs what procrun would run. Throws what `plan` would throw.
    package static func display(_ template: Template, rendered: [RenderedPart], mask: @escaping (String) -> String) throws(ShellPlanError) -> String {
        let scanner = scan(placed(template, rendered), shellQuoted: shellQuoted(template), mask: mask)
        _ = try plan(scanner, labels: labels(template))
        return String(scanner.display)
    }

    /// The problems found before the run: each templated value standing where it would become
    /// code, or inside arithmetic while not an integer (`isInteger` tells an expression whose
    /// type is known to be an integer, or not known), and each list (`isList`: known to be one)
    /// standing where it cannot spread as words. `raw` values are taken as empty code.
    package static func problems(
        in template: Template, isInteger: (Expression) -> Bool, isList: (Expression) -> Bool = { _ in false }
    ) -> [TemplateError] {
        // Whether each value is a list, asked once per value (its type is inferred), and only when
        // reading the command for code and arithmetic does not already say it must be read.
        let reads = needsReading(template)
        var lists: [Bool] = []
        for case .expression(let expression, _) in template.parts { lists.append(isList(expression)) }
        guard reads || lists.contains(true) else { return [] }
        guard !template.isLiteral else {
            let scanner = scan([(.text(template.source), 0)])
            return scanner.syntaxError.map { [TemplateError(range: $0.offset..<$0.offset, .commandSyntax($0.message))] } ?? []
        }
        var placed: [(RenderedPart, Int)] = []
        var expressions: [(Expression, Range<Int>)] = []
        var offset = 0
        var value = 0
        for part in template.parts {
            switch part {
            case .text(let text):
                placed.append((.text(text), offset))
                offset += text.unicodeScalars.count
            case .expression(let expression, let range):
                let isRaw: Bool
                if case .filter(_, let call) = expression.kind, call.filter == .raw { isRaw = true } else { isRaw = false }
                placed.append((isRaw ? .raw("") : lists[value] ? .words(["0"]) : .value("0"), range.lowerBound))
                value += 1
                if !isRaw { expressions.append((expression, range)) }
                offset = range.upperBound
            }
        }
        let scanner = scan(placed, shellQuoted: shellQuoted(template))
        var errors: [TemplateError] = []
        if let error = scanner.syntaxError { errors.append(TemplateError(range: error.offset..<error.offset, .commandSyntax(error.message))) }
        for site in scanner.sites {
            let (expression, range) = expressions[site.part]
            switch site.kind {
            case .data, .notOption:
                break
            case .arithmetic:
                if !isInteger(expression) { errors.append(TemplateError(range: range, .commandSyntax(arithmeticMessage))) }
            case .code(let reason):
                errors.append(TemplateError(range: range, .commandSyntax(ShellScanner.codeMessage(reason, value: "{{ \(expression.description) }}"))))
            case .refused(let message):
                errors.append(TemplateError(range: range, .commandSyntax(message)))
            case .problem(let problem):
                errors.append(TemplateError(range: range, problem))
            }
        }
        return errors
    }

    static let arithmeticMessage =
        "a templated value inside arithmetic ('$(( ))', '(( ))', 'let', an operand of '-eq', '-lt'... in '[[ ]]', a subscript) must be an integer: the shell evaluates a variable's text there as an expression, running any '$(...)' in it; use an integer input or '| int'"

    private static func placed(_ template: Template, _ rendered: [RenderedPart]) -> [(RenderedPart, Int)] {
        var offset = 0
        var placed: [(RenderedPart, Int)] = []
        placed.reserveCapacity(rendered.count)
        let parts = template.parts
        for (index, part) in rendered.enumerated() {
            var start = offset
            if parts.indices.contains(index) {
                switch parts[index] {
                case .text(let text):
                    start = offset
                    offset += text.unicodeScalars.count
                case .expression(_, let range):
                    start = range.lowerBound
                    offset = range.upperBound
                }
            }
            placed.append((part, start))
        }
        return placed
    }

    static func scan(_ parts: [(RenderedPart, Int)], shellQuoted: Set<Int> = [], mask: ((String) -> String)? = nil) -> ShellScanner {
        var scanner = ShellScanner(analyzesCode: mayRunCode(parts), mask: mask, shellQuotedParts: shellQuoted)
        for (index, (part, offset)) in parts.enumerated() {
            switch part {
            case .text(let text): scanner.scanCode(text, isLiteral: true, at: offset)
            case .raw(let code): scanner.scanCode(code, isLiteral: false, at: offset)
            case .value(let value):
                scanner.insertValue(value, at: offset)
                scanner.part += 1
            case .words(let items):
                scanner.insertWords(items, at: offset, endsWord: endsWord(after: index, in: parts))
                scanner.part += 1
            }
        }
        scanner.finish()
        return scanner
    }

    /// Whether the word a value stands in ends right after it: at the end of the command, or
    /// before a blank, a newline or an operator.
    private static func endsWord(after index: Int, in parts: [(RenderedPart, Int)]) -> Bool {
        guard parts.indices.contains(index + 1) else { return true }
        guard case .text(let text) = parts[index + 1].0 else { return false }
        return text.unicodeScalars.first.map(ShellScanner.wordEnds.contains) ?? true
    }

    static func plan(_ scanner: ShellScanner, labels: [String] = []) throws(ShellPlanError) -> ShellPlan {
        var problems: [ShellPlanError] = scanner.syntaxError.map { [$0] } ?? []
        for site in scanner.sites {
            switch site.kind {
            case .data:
                break
            case .arithmetic:
                if !isPlainInteger(scanner.variables[site.value].value) {
                    problems.append(ShellPlanError(offset: site.offset, message: arithmeticMessage + "; this value is not one"))
                }
            case .notOption(let reason):
                if scanner.variables[site.value].value.hasPrefix("-") {
                    problems.append(ShellPlanError(offset: site.offset, message: "a templated value here starts with '-': \(reason)"))
                }
            case .code(let reason):
                let value = labels.indices.contains(site.part) ? labels[site.part] : "VALUE"
                problems.append(ShellPlanError(offset: site.offset, message: ShellScanner.codeMessage(reason, value: value)))
            case .refused(let message):
                problems.append(ShellPlanError(offset: site.offset, message: message))
            case .problem(let problem):
                problems.append(ShellPlanError(offset: site.offset, message: problem.described.message))
            }
        }
        if let first = problems.min(by: { $0.offset < $1.offset }) { throw first }
        let words = scanner.directWords
        if !scanner.needsShell {
            guard let first = words.first else {
                throw ShellPlanError(offset: 0, message: "empty command: expected a program to run, found nothing")
            }
            if !shellOnlyWords.contains(first) && !isAssignment(first) {
                return .direct(words)
            }
        }
        return .shell(script: String(scanner.script), environment: scanner.variables)
    }

    /// Builtins and keywords: a command starting with one of these needs a shell.
    static let shellOnlyWords: Set<String> = [
        ".", ":", "[[", "]]", "!", "{", "}", "alias", "bg", "break", "builtin", "case", "cd",
        "command", "continue", "coproc", "declare", "dirs", "do", "done", "elif", "else", "enable",
        "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi", "for", "function", "getopts",
        "hash", "history", "if", "in", "jobs", "let", "local", "popd", "pushd", "read", "readonly",
        "return", "select", "set", "shift", "shopt", "source", "then", "time", "times", "trap",
        "type", "typeset", "ulimit", "umask", "unalias", "unset", "until", "wait", "while",
    ]

    /// Whether `word` starts with `NAME=`, which a shell would take as a variable assignment.
    static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.unicodeScalars.firstIndex(of: "="), equals != word.unicodeScalars.startIndex
        else { return false }
        let name = word.unicodeScalars[..<equals]
        guard let first = name.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}

extension ShellPlanner {
    /// Whether the code rules could find something in these parts: a value and a program they
    /// know named in the text, a value or `raw` text as the first part (it names the program),
    /// or `raw` text anywhere (it may name one).
    static func mayRunCode(_ parts: [(RenderedPart, Int)]) -> Bool {
        var hasValue = false
        var namesProgram = false
        var first = true
        for index in parts.indices {
            switch parts[index].0 {
            case .text(let text):
                if first, isBlank(text) { continue }
                if !namesProgram { namesProgram = findsProgramOrSyntax(text, syntax: false) }
            case .value, .words:
                if first { return true }
                hasValue = true
            case .raw:
                return true
            }
            first = false
        }
        return hasValue && namesProgram
    }

    /// Whether a template needs reading before the run: it has a value where arithmetic,
    /// `${...}`, a here-document or a program that runs code could be. Most command templates
    /// (`echo "step {{ inputs.n }}"`) have none of these and are not read.
    static func needsReading(_ template: Template) -> Bool {
        var first = true
        for part in template.parts {
            switch part {
            case .text(let text):
                if findsProgramOrSyntax(text, syntax: true) { return true }
                if first, isBlank(text) { continue }
            case .expression:
                if first { return true }
            }
            first = false
        }
        return false
    }

    private static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }
    }
}
