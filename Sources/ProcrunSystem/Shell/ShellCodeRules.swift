/// Which words of a simple command a program runs as code: the script of `sh -c`, the words of
/// `eval`, the remote command of `ssh`, the program of `awk`. A templated value may not stand in
/// such a word (nor feed such a program's standard input) without `raw`.
///
/// The rules read a program where a command's first word stands: the first word, and the first
/// word of the command a wrapper runs (`sudo`, `env`, `timeout 5`, `xargs`, `find -exec`, `docker
/// exec C`: ``Wrapper``); a program's name given as an argument of another (`echo sh -c {{ v }}`,
/// `cargo watch -x {{ v }}`) is not that program.
enum ShellCodeRules {
    /// How a program takes code.
    enum Kind {
        /// A shell: the operand after `-c` (alone or in a cluster: `-ec`) is a script; without
        /// `-c`, the first operand is a script file and, without one, standard input is the script.
        case shell
        /// A language interpreter: the operand after one of these options is code (`-c`, `-e`);
        /// without one and without a script file, standard input is the program.
        case interpreter(options: Set<Unicode.Scalar>, long: Set<String>)
        /// The operand after `-c` / `--command` is a shell command (`su -c`, `flock -c`).
        case commandOption
        /// Every operand is code (`eval`, `watch`, `alias`).
        case everyOperand
        /// The first operand is code (`trap`).
        case firstOperand
        /// The first operand is the program unless `-f` (or for `sed`, `-e`) gave it.
        case program(scriptOptions: Set<Unicode.Scalar>, argumentOptions: Set<Unicode.Scalar>)
        /// `ssh`: the words after the destination are a remote shell command; `-o` may run code.
        case ssh
        /// `source` and `.`: the first operand is a script file.
        case source
    }

    static let programs: [String: Kind] = {
        var table: [String: Kind] = [:]
        for name in ["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh", "yash", "rbash", "fish", "csh", "tcsh", "pwsh"] {
            table[name] = .shell
        }
        for name in ["python", "python2", "python3", "pypy", "pypy3"] { table[name] = .interpreter(options: ["c"], long: []) }
        for name in ["perl", "ruby", "lua", "Rscript", "osascript"] { table[name] = .interpreter(options: ["e", "E"], long: []) }
        for name in ["node", "nodejs"] { table[name] = .interpreter(options: ["e", "p"], long: ["--eval", "--print"]) }
        table["php"] = .interpreter(options: ["r"], long: [])
        for name in ["su", "runuser", "flock", "script"] { table[name] = .commandOption }
        for name in ["eval", "watch", "alias"] { table[name] = .everyOperand }
        table["trap"] = .firstOperand
        for name in ["awk", "gawk", "mawk", "nawk", "busybox-awk"] {
            table[name] = .program(scriptOptions: ["f"], argumentOptions: ["F", "v", "f"])
        }
        table["sed"] = .program(scriptOptions: ["e", "f"], argumentOptions: ["e", "f", "l"])
        table["ssh"] = .ssh
        table["source"] = .source
        table["."] = .source
        return table
    }()

    /// Options of `ssh` that take an argument.
    private static let sshArgumentOptions: Set<Unicode.Scalar> = ["B", "b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w"]

    /// What the rules found in one simple command.
    struct Findings {
        /// Words that are code, each with the reason (for the error message).
        var codeWords: [(index: Int, reason: String)] = []
        /// Words that are a script file: a value nested in one (`sh <(printf ...)`) is code.
        var scriptFileWords: [(index: Int, reason: String)] = []
        /// Words that start with a value which, starting with `-`, would be read as an option
        /// that runs code (`ssh -oProxyCommand=...` given as the host).
        var optionLikeWords: [(index: Int, reason: String)] = []
        /// Set when the command runs its standard input as code: the reason.
        var readsCodeFromStandardInput: String?
        /// The code words that a local shell runs as a script (`sh -c`, `eval`, `su -c`, `trap`).
        var shellScriptWords: [Int] = []
        /// The code words that a POSIX shell runs as a script, a local one or `ssh`'s remote one:
        /// where a value quoted by `shell_quote` is one word of that script.
        var posixScriptWords: Set<Int> = []
    }

    /// Applies the rules to the words of a simple command. `literal` is each word's text with
    /// values replaced by U+0000; `isTemplated` tells whether a word holds a value.
    static func findings(_ words: [ShellScanner.Word]) -> Findings {
        var findings = Findings()
        var program: (name: String, kind: Kind)?
        var codeNext: String?
        var argumentNext = false
        var argumentIsCode = false
        var optionsEnded = false
        var scriptGiven = false
        var scriptFileGiven = false
        var operands = 0
        var readsStandardInput = false
        let operandIndices = words.indices.filter { !words[$0].isRedirection }
        let positions = Set(commandPositions(operandIndices.map { String(words[$0].literal) }).map { operandIndices[$0] })
        for (index, word) in words.enumerated() where !word.isRedirection {
            let text = String(word.literal)
            if positions.contains(index) {
                (codeNext, argumentNext, argumentIsCode, optionsEnded, scriptGiven, scriptFileGiven, operands, readsStandardInput) =
                    (nil, false, false, false, false, false, 0, false)
                if word.hasValue {
                    // A program named by a value may be a shell: its `-c` / `-e` operand is code.
                    program = ("the program named by the value", .interpreter(options: ["c", "e"], long: []))
                } else {
                    program = word.hasNested ? nil : programs[basename(text)].map { (basename(text), $0) }
                }
                continue
            }
            guard let (name, kind) = program else { continue }
            if let reason = codeNext {
                findings.codeWords.append((index, reason))
                if runsShellCode(kind) {
                    findings.shellScriptWords.append(index)
                    if !nonPOSIXShells.contains(name) { findings.posixScriptWords.insert(index) }
                }
                codeNext = nil
                scriptGiven = true
                continue
            }
            if argumentNext {
                argumentNext = false
                if argumentIsCode { findings.codeWords.append((index, "'\(name) -o' can run a local command (ProxyCommand, LocalCommand)")) }
                continue
            }
            let scalars = Array(word.literal)
            let isOption = !optionsEnded && scalars.count > 1 && (scalars[0] == "-" || (scalars[0] == "+" && isShell(kind)))
            if !optionsEnded, text == "--" {
                optionsEnded = true
                continue
            }
            if isOption {
                option(scalars, text: text, name: name, kind: kind, index: index, findings: &findings, codeNext: &codeNext,
                    argumentNext: &argumentNext, argumentIsCode: &argumentIsCode, scriptGiven: &scriptGiven, readsStandardInput: &readsStandardInput)
                continue
            }
            operands += 1
            switch kind {
            case .shell, .interpreter:
                if scriptGiven || scriptFileGiven { break }
                scriptFileGiven = true
                if text == "-" || text == "/dev/stdin" { readsStandardInput = true }
                findings.scriptFileWords.append((index, "'\(name)' runs this file as code"))
            case .commandOption:
                break
            case .everyOperand:
                findings.codeWords.append((index, "'\(name)' runs its operands as shell code"))
                findings.shellScriptWords.append(index)
                findings.posixScriptWords.insert(index)
            case .firstOperand:
                if operands == 1 {
                    findings.codeWords.append((index, "'\(name)' runs its first operand as shell code"))
                    findings.shellScriptWords.append(index)
                    findings.posixScriptWords.insert(index)
                }
            case .program:
                if operands == 1, !scriptGiven { findings.codeWords.append((index, "'\(name)' runs its first operand as a program")) }
            case .ssh:
                if operands > 1 {
                    findings.codeWords.append((index, "'ssh' runs the words after the host as a command of the remote shell"))
                    findings.posixScriptWords.insert(index)
                }
                if operands == 1, !optionsEnded, word.literal.first == "\u{0}" {
                    findings.optionLikeWords.append((index, "'ssh' would read it as an option, and '-o ProxyCommand=' runs a command; write '--' before the host"))
                }
            case .source:
                if operands == 1 {
                    findings.scriptFileWords.append((index, "'\(name)' runs this file as shell code"))
                    if text == "/dev/stdin" || text == "-" { readsStandardInput = true }
                }
            }
        }
        if let (name, kind) = program {
            switch kind {
            case .shell, .interpreter:
                if codeNext != nil || readsStandardInput || (!scriptGiven && !scriptFileGiven) {
                    findings.readsCodeFromStandardInput = "'\(name)' runs what it reads on standard input as code"
                }
            case .ssh:
                if operands == 1 { findings.readsCodeFromStandardInput = "'ssh' without a command runs what it reads on standard input in the remote shell" }
            case .source:
                if readsStandardInput { findings.readsCodeFromStandardInput = "'\(name)' runs what it reads on standard input as code" }
            case .commandOption, .everyOperand, .firstOperand, .program:
                break
            }
        }
        return findings
    }

    /// The shells whose quoting is not POSIX's: `shell_quote` does not make a value one word there.
    static let nonPOSIXShells: Set<String> = ["fish", "csh", "tcsh", "pwsh"]

    /// Whether the code this kind of program runs is local shell code.
    private static func runsShellCode(_ kind: Kind) -> Bool {
        switch kind {
        case .shell, .commandOption, .everyOperand, .firstOperand: true
        case .interpreter, .program, .ssh, .source: false
        }
    }

    /// Reads an option word of `name`'s program.
    private static func option(
        _ scalars: [Unicode.Scalar], text: String, name: String, kind: Kind, index: Int, findings: inout Findings, codeNext: inout String?,
        argumentNext: inout Bool, argumentIsCode: inout Bool, scriptGiven: inout Bool, readsStandardInput: inout Bool
    ) {
        let long = text.hasPrefix("--")
        switch kind {
        case .shell:
            if long { return }
            if scalars.contains("c") {
                codeNext = "'\(name) -c' runs this word as a shell script"
            } else if scalars.contains("s") {
                readsStandardInput = true
            }
            if ["-o", "+o", "-O", "+O"].contains(text) { argumentNext = true }
        case .interpreter(let options, let longOptions):
            let reason = "'\(name) \(text)' runs this word as code"
            if long {
                let key = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
                if longOptions.contains(key) {
                    if text.contains("=") { findings.codeWords.append((index, reason)) } else { codeNext = reason }
                }
                return
            }
            for (position, scalar) in scalars.enumerated().dropFirst() where options.contains(scalar) {
                if position == scalars.count - 1 { codeNext = reason } else { findings.codeWords.append((index, reason)) }
                scriptGiven = true
                return
            }
        case .commandOption:
            if text == "-c" || text == "--command" || text == "--session-command" {
                codeNext = "'\(name) \(text)' runs this word as a shell command"
            } else if text.hasPrefix("--command=") || text.hasPrefix("--session-command=") || (text.hasPrefix("-c") && !long) {
                findings.codeWords.append((index, "'\(name) -c' runs this word as a shell command"))
            }
        case .program(let scriptOptions, let argumentOptions):
            if long {
                if text == "--expression" || text == "--file" {
                    scriptGiven = true
                    if text == "--expression" { codeNext = "'\(name) --expression' runs this word as a program" } else { argumentNext = true }
                } else if text.hasPrefix("--expression=") {
                    scriptGiven = true
                    findings.codeWords.append((index, "'\(name) --expression' runs this word as a program"))
                }
                return
            }
            guard let letter = scalars.dropFirst().first(where: { argumentOptions.contains($0) || scriptOptions.contains($0) }) else { return }
            if scriptOptions.contains(letter) { scriptGiven = true }
            let isProgramText = letter == "e"
            if scalars.last == letter {
                if isProgramText { codeNext = "'\(name) -e' runs this word as a program" } else { argumentNext = true }
            } else if isProgramText {
                findings.codeWords.append((index, "'\(name) -e' runs this word as a program"))
            }
        case .ssh:
            if long { return }
            guard let letter = scalars.dropFirst().first(where: { sshArgumentOptions.contains($0) }) else { return }
            if letter == "o" && scalars.last != "o" { findings.codeWords.append((index, "'ssh -o' can run a local command (ProxyCommand, LocalCommand)")) }
            if scalars.last == letter {
                argumentNext = true
                argumentIsCode = letter == "o"
            }
        case .everyOperand:
            if name == "alias" { findings.codeWords.append((index, "'alias' defines shell code")) }
        case .firstOperand, .source:
            break
        }
    }

    private static func isShell(_ kind: Kind) -> Bool {
        if case .shell = kind { return true }
        return false
    }

    static func basename(_ text: String) -> String {
        guard let slash = text.lastIndex(of: "/"), text != "/" else { return text }
        return String(text[text.index(after: slash)...])
    }
}
