package import ProcrunText

extension ShellPlanner {
    /// The variables a command line evaluates as arithmetic (`$(( N ))`, `(( N ))`, `$[ ]`, `let`,
    /// the operands of `-eq` and its kin in `[[ ]]`, a subscript, a `${name:offset}`), also inside
    /// the scripts it hands a shell (`bash -c '...'`, `eval`). Templated values are data and name
    /// nothing. What a script file does with a variable cannot be seen from here.
    package static func arithmeticNames(in template: Template) -> Set<String> {
        var scanner = ShellScanner(analyzesCode: false)
        scanner.collectsNames = true
        for part in template.parts {
            switch part {
            case .text(let text): scanner.scanCode(text, isLiteral: true, at: 0)
            case .expression(let expression, _):
                if case .filter(_, let call) = expression.kind, call.filter == .raw {
                    scanner.scanCode("", isLiteral: false, at: 0)
                } else {
                    scanner.insertValue("0", at: 0)
                }
            }
        }
        scanner.finish()
        return scanner.arithmeticNames
    }

    /// The variables an argument vector (`command: [bash, -c, ...]`) evaluates as arithmetic.
    package static func arithmeticNames(inArguments arguments: [String]) -> Set<String> {
        arithmeticNames(inScript: arguments.map(ShellQuote.word).joined(separator: " "))
    }

    /// The variables a shell script evaluates as arithmetic.
    static func arithmeticNames(inScript script: String) -> Set<String> {
        var scanner = ShellScanner(analyzesCode: false)
        scanner.collectsNames = true
        scanner.scanCode(script, isLiteral: true, at: 0)
        scanner.finish()
        return scanner.arithmeticNames
    }

    /// Whether `text` is an integer as Swift (and the shell) would print it: the only text a
    /// value may have where the shell evaluates it as arithmetic.
    package static func isPlainInteger(_ text: String) -> Bool {
        Int(text).map(String.init) == text
    }

    /// Why a variable read inside arithmetic must hold an integer (for `check` and the run).
    package static func arithmeticEnvironmentMessage(_ name: String) -> String {
        "the command reads the variable '\(name)' inside arithmetic ('$(( ))', '(( ))', 'let', '[[ -eq ]]', a subscript), where bash evaluates its text as an expression and runs any '$(...)' in it, so a value procrun sets there (env, a .env file) must be an integer: declare the input 'type: integer' or use '| int'"
    }
}
