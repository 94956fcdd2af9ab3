/// Decides how a `shell` command runs so that templated values are always data, never code.
public enum ShellPlanner {
    /// Plans a command from its parts.
    ///
    /// Without `raw` parts, shell syntax outside quotes, a builtin or keyword as first word, or a
    /// leading assignment, the command is split into words here (POSIX quoting) and run directly;
    /// each value joins the word it stands in, verbatim. Otherwise it runs as `shell -c script`,
    /// each value replaced by a quoted reference to an environment variable `PROCRUN_Vn`.
    /// `shell` is the program `ShellPlan.arguments(shell:)` should be given; the plan itself does
    /// not depend on it.
    public static func plan(_ parts: [ShellPart], shell: String = "/bin/sh") throws(ShellPlanError) -> ShellPlan {
        var scanner = ProcrunShellScanner()
        for part in parts {
            switch part {
            case .text(let text):
                scanner.scanCode(text, isLiteral: true)
            case .raw(let code):
                scanner.scanCode(code, isLiteral: false)
            case .value(let value):
                scanner.insertValue(value)
            }
        }
        let words = try scanner.finish()
        if !scanner.needsShell {
            guard let first = words.first else {
                throw ShellPlanError(offset: 0, message: "empty command: expected a program to run, found nothing")
            }
            if !ProcrunShellScanner.shellOnlyWords.contains(first) && !isAssignment(first) {
                return .direct(words)
            }
        }
        return .shell(script: String(scanner.script), environment: scanner.variables)
    }

    /// Whether `word` starts with `NAME=`, which a shell would take as a variable assignment.
    private static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.unicodeScalars.firstIndex(of: "="), equals != word.unicodeScalars.startIndex
        else { return false }
        let name = word.unicodeScalars[..<equals]
        guard let first = name.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
