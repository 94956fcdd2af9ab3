/// Reading code character by character: quotes, expansions, arithmetic and commands.
extension ShellScanner {

    mutating func scan(_ scalar: Unicode.Scalar) {
        if collectsNames, noteName(scalar) { return }
        switch frames[frames.count - 1] {
        case .command: scanCommand(scalar)
        case .doubleQuoted: scanDoubleQuoted(scalar)
        case .singleQuoted:
            copy(scalar)
            if scalar == "'" { frames.removeLast() } else { addToWord(scalar) }
        case .ansiQuoted:
            copy(scalar)
            if escapePending {
                escapePending = false
                addToWord(scalar)
            } else if scalar == "\\" {
                escapePending = true
            } else if scalar == "'" {
                frames.removeLast()
            } else {
                addToWord(scalar)
            }
        case .arithmetic(let closer, let depth): scanArithmetic(scalar, closer: closer, depth: depth)
        case .parameter(let depth): scanParameter(scalar, depth: depth)
        case .bracket:
            if [" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"].contains(scalar) {
                // An unclosed bracket is a plain character.
                frames.removeLast()
                scan(scalar)
                return
            }
            if scanExpansionStart(scalar) { return }
            copy(scalar)
            addToWord(scalar)
            if scalar == "]" { frames.removeLast() }
        case .comment:
            if scalar == "\n" {
                frames.removeLast()
                scan(scalar)
            } else {
                copy(scalar)
            }
        case .heredocBody(let index): scanHeredocBody(scalar, index: index)
        case .heredocDelimiter: scanDelimiter(scalar)
        }
    }

    /// Opens a quote whose content is not added to the word (inside arithmetic or `${...}`).
    mutating func openQuote(_ scalar: Unicode.Scalar) {
        frames.append(scalar == "'" ? .singleQuoted : .doubleQuoted)
        quoteStart = offset
    }

    mutating func copy(_ scalar: Unicode.Scalar) {
        script.append(scalar)
        if mask != nil { display.append(scalar) }
    }

    /// `$(`, `${`, `$((`, `$[`, `$'` and backquotes, where they open a context. Returns whether
    /// the scalar was consumed.
    mutating func scanExpansionStart(_ scalar: Unicode.Scalar) -> Bool {
        if escapePending { return false }
        if dollarPending {
            dollarPending = false
            switch scalar {
            case "(":
                copy(scalar)
                openCommand(.parenthesis)
                return true
            case "{":
                copy(scalar)
                frames.append(.parameter(depth: 0))
                if collectsNames { parameterName = String.UnicodeScalarView() }
                return true
            case "[":
                copy(scalar)
                frames.append(.arithmetic(closer: "]", depth: 0))
                return true
            case "'" where frames.last == .command:
                copy(scalar)
                quoteStart = offset
                frames.append(.ansiQuoted)
                return true
            default:
                break
            }
        }
        switch scalar {
        case "$":
            copy(scalar)
            dollarPending = true
            if frames.last == .command || frames.last == .doubleQuoted { needsShell = true }
            addToWord(scalar)
            return true
        case "`" where frames.last == .command && commands[commands.count - 1].closer == .backquote:
            return false
        case "`":
            copy(scalar)
            needsShell = true
            openCommand(.backquote)
            return true
        default:
            return false
        }
    }

    mutating func openCommand(_ closer: CommandState.Closer) {
        let top = commands.count - 1
        if !isInBody {
            commands[top].word.started = true
            commands[top].word.hasNested = true
            commands[top].word.literal.append("\u{1}")
        }
        commands[top].justOpened = .none
        var state = CommandState(closer: closer)
        state.justOpened = closer == .parenthesis ? .substitution : .none
        commands.append(state)
        frames.append(.command)
    }

    /// Settles a `$`, `<` or `>` whose meaning depended on the next character, when a value or
    /// the end comes next.
    mutating func settlePending() {
        dollarPending = false
        if lessPending == 2 {
            startDelimiter(stripsTabs: false)
        } else if lessPending == 3 {
            commands[commands.count - 1].nextIsHereString = true
        }
        if lessPending == 1 || lessPending == 3 || greaterPending { commands[commands.count - 1].nextIsRedirection = true }
        lessPending = 0
        greaterPending = false
    }

    mutating func scanCommand(_ scalar: Unicode.Scalar) {
        let top = commands.count - 1
        if escapePending {
            escapePending = false
            copy(scalar)
            if scalar != "\n" { addToWord(scalar) }
            commands[top].previous = "a"
            return
        }
        let opened = commands[top].justOpened
        commands[top].justOpened = .none
        if opened != .none, scalar == "(" {
            // `$((` or `((`: arithmetic, not a nested subshell.
            copy(scalar)
            if opened == .substitution {
                frames.removeLast()
                commands.removeLast()
            } else {
                commands[top].depth -= 1
            }
            frames.append(.arithmetic(closer: ")", depth: 0))
            needsShell = true
            return
        }
        if lessPending > 0 {
            let count = lessPending
            if scalar == "<" && count < 3 {
                lessPending += 1
                copy(scalar)
                return
            }
            lessPending = 0
            if count == 1, scalar == "(" {
                copy(scalar)
                openCommand(.parenthesis)
                return
            }
            if count == 2 {
                startDelimiter(stripsTabs: scalar == "-")
                if scalar == "-" {
                    copy(scalar)
                    return
                }
                scan(scalar)
                return
            }
            if count == 3 { commands[top].nextIsHereString = true }
            commands[top].nextIsRedirection = true
        }
        if greaterPending {
            greaterPending = false
            if scalar == "(" {
                copy(scalar)
                openCommand(.parenthesis)
                return
            }
            commands[top].nextIsRedirection = true
        }
        if scanExpansionStart(scalar) { return }
        let previous = commands[top].previous
        commands[top].previous = scalar
        switch scalar {
        case "\\":
            copy(scalar)
            escapePending = true
        case "'":
            copy(scalar)
            quoteStart = offset
            frames.append(.singleQuoted)
            commands[top].word.started = true
        case "\"":
            copy(scalar)
            quoteStart = offset
            frames.append(.doubleQuoted)
            commands[top].word.started = true
        case " ", "\t":
            copy(scalar)
            endWord()
        case "#" where !commands[top].word.started:
            copy(scalar)
            needsShell = true
            frames.append(.comment)
        case "\n":
            copy(scalar)
            needsShell = true
            endWord()
            endCommand(pipeline: true)
            if !pendingHeredocs.isEmpty {
                let index = pendingHeredocs.removeFirst()
                frames.append(.heredocBody(index: index))
                heredocCommandBase = commands.count
                heredocLine = String.UnicodeScalarView()
                heredocLineHasValue = false
            }
        case ";", "&", "|":
            copy(scalar)
            needsShell = true
            endWord()
            if scalar == "|" && previous == "|" {
                endCommand(pipeline: true)
            } else if scalar == "&" && previous == "|" {
                break
            } else {
                endCommand(pipeline: scalar != "|")
            }
        case "(":
            copy(scalar)
            needsShell = true
            if commands[top].word.started {
                addToWord(scalar)
            } else {
                endCommand(pipeline: true)
                commands[top].depth += 1
                commands[top].justOpened = .subshell
            }
        case ")":
            needsShell = true
            if commands[top].depth > 0 {
                copy(scalar)
                endWord()
                endCommand(pipeline: true)
                commands[top].depth -= 1
            } else if commands[top].closer == .parenthesis {
                copy(scalar)
                closeCommand()
            } else {
                copy(scalar)
                addToWord(scalar)
            }
        case "`" where commands[top].closer == .backquote:
            copy(scalar)
            closeCommand()
        case "<":
            copy(scalar)
            needsShell = true
            endWord()
            lessPending = 1
        case ">":
            copy(scalar)
            needsShell = true
            endWord()
            greaterPending = true
        case "[" where commands[top].word.started:
            copy(scalar)
            needsShell = true
            addToWord(scalar)
            frames.append(.bracket)
        default:
            copy(scalar)
            if Self.syntax.contains(scalar) { needsShell = true }
            addToWord(scalar)
        }
    }

    /// Outside quotes, any of these makes the command shell code.
    static let syntax: Set<Unicode.Scalar> = [
        "|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?", "[", "]", "{", "}", "~", "#", "\n",
    ]

    mutating func closeCommand() {
        endWord()
        endCommand(pipeline: true)
        commands.removeLast()
        frames.removeLast()
    }

    mutating func scanDoubleQuoted(_ scalar: Unicode.Scalar) {
        if escapePending {
            escapePending = false
            copy(scalar)
            switch scalar {
            case "$", "`", "\"", "\\": addToWord(scalar)
            case "\n": break
            default:
                addToWord("\\")
                addToWord(scalar)
            }
            return
        }
        if scanExpansionStart(scalar) { return }
        copy(scalar)
        switch scalar {
        case "\\": escapePending = true
        case "\"": frames.removeLast()
        default: addToWord(scalar)
        }
    }

    mutating func scanArithmetic(_ scalar: Unicode.Scalar, closer: Unicode.Scalar, depth: Int) {
        if scalar == "}", closer == "}", depth == 0 {
            // The end of an offset in `${name:offset}`: the `}` closes the `${`.
            frames.removeLast()
            scan(scalar)
            return
        }
        if scanExpansionStart(scalar) { return }
        copy(scalar)
        addToWord(scalar)
        switch scalar {
        case "(": frames[frames.count - 1] = .arithmetic(closer: closer, depth: depth + 1)
        case ")" where closer == ")" && depth == 0:
            // The first of the two closing parentheses; the second is read as a plain one.
            frames[frames.count - 1] = .arithmetic(closer: closer, depth: -1)
        case ")" where depth == -1:
            frames.removeLast()
        case ")": frames[frames.count - 1] = .arithmetic(closer: closer, depth: depth - 1)
        case "]" where closer == "]": frames.removeLast()
        case "\"", "'": openQuote(scalar)
        default: break
        }
    }

    /// Copies a character a backslash escapes, or opens an expansion; whether it did either.
    mutating func escapedOrExpansion(_ scalar: Unicode.Scalar) -> Bool {
        if escapePending {
            escapePending = false
            copy(scalar)
            return true
        }
        return scanExpansionStart(scalar)
    }

    mutating func scanParameter(_ scalar: Unicode.Scalar, depth: Int) {
        if escapedOrExpansion(scalar) { return }
        copy(scalar)
        switch scalar {
        case "\\": escapePending = true
        case "{": frames[frames.count - 1] = .parameter(depth: depth + 1)
        case "}" where depth == 0: frames.removeLast()
        case "}": frames[frames.count - 1] = .parameter(depth: depth - 1)
        case "\"", "'": openQuote(scalar)
        default: break
        }
    }
}
