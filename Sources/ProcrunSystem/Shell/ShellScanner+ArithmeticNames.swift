/// Reading which variables a command evaluates as arithmetic: bash evaluates a variable's text
/// there as an expression, so a value such as `x[$(touch f)]` runs code. The variables procrun puts
/// in a command's environment (`env`, `.env` files) are held to the rule templated values follow.
extension ShellScanner {
    /// The comparisons of `[[ ]]` whose operands bash evaluates as arithmetic.
    static let arithmeticTests: Set<String> = ["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]

    /// Follows names inside arithmetic and at the start of `${...}`; whether it consumed `scalar`.
    mutating func noteName(_ scalar: Unicode.Scalar) -> Bool {
        switch frames[frames.count - 1] {
        case .arithmetic, .bracket:
            if Self.isNameCharacter(scalar) { nameRun.append(scalar) } else { endNameRun() }
        case .parameter(let depth) where depth == 0:
            if parameterName != nil {
                if Self.isNameCharacter(scalar) {
                    parameterName?.append(scalar)
                    return false
                }
                endParameterName()
                if escapePending { return false }
                if scalar == "[" {
                    // A subscript: arithmetic for an indexed array.
                    copy(scalar)
                    frames.append(.arithmetic(closer: "]", depth: 0))
                    return true
                }
                parameterOffsetPending = scalar == ":"
            } else if parameterOffsetPending {
                parameterOffsetPending = false
                if !["-", "=", "?", "+", "}"].contains(scalar) {
                    frames.append(.arithmetic(closer: "}", depth: 0))
                    return noteName(scalar)
                }
            }
        default:
            endNameRun()
        }
        return false
    }

    /// Ends a name read inside arithmetic.
    mutating func endNameRun() {
        guard !nameRun.isEmpty else { return }
        if let first = nameRun.first, !("0"..."9").contains(first) { arithmeticNames.insert(String(nameRun)) }
        nameRun = String.UnicodeScalarView()
    }

    /// Ends the name at the start of `${...}`: arithmetic inside arithmetic, else the word's.
    mutating func endParameterName() {
        guard let name = parameterName else { return }
        parameterName = nil
        guard let first = name.first, !("0"..."9").contains(first) else { return }
        let outer = frames.dropLast()
        if outer.contains(where: { if case .arithmetic = $0 { true } else { $0 == .bracket } }) {
            arithmeticNames.insert(String(name))
        } else if !isInBody {
            commands[commands.count - 1].word.names.append(String(name))
        }
    }

    /// The names a finished simple command evaluates as arithmetic: the words of `let`, the
    /// operands of `-eq` and its kin in `[[ ]]`, and those of the scripts it hands a shell.
    mutating func collectArithmeticNames(_ words: [Word]) {
        let literals = words.map { String($0.literal) }
        if literals.first == "let" {
            for word in words.dropFirst() { addNames(of: word) }
        }
        if literals.contains("[[") {
            for (index, literal) in literals.enumerated() where Self.arithmeticTests.contains(literal) {
                if index > 0 { addNames(of: words[index - 1]) }
                if index + 1 < words.count { addNames(of: words[index + 1]) }
            }
        }
        for index in ShellCodeRules.findings(words).shellScriptWords where !words[index].hasValue && !words[index].hasNested {
            arithmeticNames.formUnion(ShellPlanner.arithmeticNames(inScript: literals[index]))
        }
    }

    /// Adds the names of a word read as an arithmetic expression.
    private mutating func addNames(of word: Word) {
        arithmeticNames.formUnion(word.names)
        var run = String.UnicodeScalarView()
        for scalar in word.literal {
            if Self.isNameCharacter(scalar) {
                run.append(scalar)
                continue
            }
            if let first = run.first, !("0"..."9").contains(first) { arithmeticNames.insert(String(run)) }
            run = String.UnicodeScalarView()
        }
        if let first = run.first, !("0"..."9").contains(first) { arithmeticNames.insert(String(run)) }
    }

    /// A letter, digit or `_` (ASCII): a character of a shell variable's name.
    package static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
