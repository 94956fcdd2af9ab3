/// The POSIX quoting state machine behind `ShellPlanner`: builds the direct words and the shell
/// script side by side, and notes whether the command needs a shell.
struct ProcrunShellScanner {
    enum Mode { case unquoted, singleQuoted, doubleQuoted }

    /// Builtins and keywords: a command starting with one of these needs a shell.
    static let shellOnlyWords: Set<String> = [
        ".", ":", "[[", "]]", "!", "{", "}", "alias", "bg", "break", "builtin", "case", "cd",
        "command", "continue", "coproc", "declare", "dirs", "do", "done", "elif", "else", "enable",
        "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi", "for", "function", "getopts",
        "hash", "history", "if", "in", "jobs", "let", "local", "popd", "pushd", "read", "readonly",
        "return", "select", "set", "shift", "shopt", "source", "then", "time", "times", "trap",
        "type", "typeset", "ulimit", "umask", "unalias", "unset", "until", "wait", "while",
    ]

    /// Outside quotes, any of these makes the command shell code.
    private static let syntax: Set<Unicode.Scalar> = [
        "|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?", "[", "]", "{", "}", "~", "#", "\n",
    ]

    private(set) var needsShell = false
    private(set) var script = String.UnicodeScalarView()
    private(set) var variables: [ShellPlan.Variable] = []
    private var mode = Mode.unquoted
    private var escapePending = false
    private var literalOffset = 0
    private var quoteStart = 0
    private var words: [String] = []
    private var word = String.UnicodeScalarView()
    private var wordStarted = false

    /// Scans template text (`isLiteral`) or a raw value: shell code, copied into the script.
    mutating func scanCode(_ code: String, isLiteral: Bool) {
        if !isLiteral { needsShell = true }
        for scalar in code.unicodeScalars {
            let offset = literalOffset
            if isLiteral { literalOffset += 1 }
            script.append(scalar)
            switch mode {
            case .unquoted: scanUnquoted(scalar, offset: offset)
            case .singleQuoted: scanSingleQuoted(scalar)
            case .doubleQuoted: scanDoubleQuoted(scalar)
            }
        }
    }

    /// Inserts a value: appended verbatim to the current word, and as a variable reference quoted
    /// for the context it stands in. A backslash just before a value has nothing to escape: dropped.
    mutating func insertValue(_ value: String) {
        if escapePending {
            escapePending = false
            script.removeLast()
        }
        let name = "PROCRUN_V\(variables.count + 1)"
        variables.append(ShellPlan.Variable(name: name, value: value))
        switch mode {
        case .unquoted: script.append(contentsOf: "\"${\(name)}\"".unicodeScalars)
        case .doubleQuoted: script.append(contentsOf: "${\(name)}".unicodeScalars)
        case .singleQuoted: script.append(contentsOf: "'\"${\(name)}\"'".unicodeScalars)
        }
        word.append(contentsOf: value.unicodeScalars)
        wordStarted = true
    }

    /// The direct words; throws on an unterminated quote.
    mutating func finish() throws(ShellPlanError) -> [String] {
        switch mode {
        case .singleQuoted:
            throw ShellPlanError(offset: quoteStart, message: "unterminated single quote")
        case .doubleQuoted:
            throw ShellPlanError(offset: quoteStart, message: "unterminated double quote")
        case .unquoted:
            break
        }
        if escapePending {
            escapePending = false
            addToWord("\\")
        }
        endWord()
        return words
    }

    private mutating func scanUnquoted(_ scalar: Unicode.Scalar, offset: Int) {
        if escapePending {
            escapePending = false
            if scalar != "\n" { addToWord(scalar) }
            return
        }
        switch scalar {
        case "\\":
            escapePending = true
        case "'":
            mode = .singleQuoted
            quoteStart = offset
            wordStarted = true
        case "\"":
            mode = .doubleQuoted
            quoteStart = offset
            wordStarted = true
        case " ", "\t":
            endWord()
        default:
            if Self.syntax.contains(scalar) { needsShell = true }
            addToWord(scalar)
        }
    }

    private mutating func scanSingleQuoted(_ scalar: Unicode.Scalar) {
        if scalar == "'" {
            mode = .unquoted
        } else {
            addToWord(scalar)
        }
    }

    private mutating func scanDoubleQuoted(_ scalar: Unicode.Scalar) {
        if escapePending {
            escapePending = false
            switch scalar {
            case "$", "`", "\"", "\\": addToWord(scalar)
            case "\n": break
            default:
                addToWord("\\")
                addToWord(scalar)
            }
            return
        }
        switch scalar {
        case "\\": escapePending = true
        case "\"": mode = .unquoted
        case "$", "`":
            needsShell = true
            addToWord(scalar)
        default: addToWord(scalar)
        }
    }

    private mutating func addToWord(_ scalar: Unicode.Scalar) {
        word.append(scalar)
        wordStarted = true
    }

    private mutating func endWord() {
        if wordStarted { words.append(String(word)) }
        word = String.UnicodeScalarView()
        wordStarted = false
    }
}
