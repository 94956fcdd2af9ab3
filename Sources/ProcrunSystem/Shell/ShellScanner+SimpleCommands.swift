/// Reading a command line's simple commands, for recording (``StepNamer``, ``InputOffer``).
extension ShellScanner {
    /// The simple commands of `line` in the order they end, each as its words with quotes
    /// removed; `nested` marks those inside `$(...)`, backquotes or `<(...)`. Here-document
    /// bodies and comments have no words.
    package static func simpleCommands(of line: String) -> [(words: [Word], nested: Bool)] {
        var scanner = ShellScanner(analyzesCode: false)
        scanner.keepsCommands = true
        scanner.scanCode(line, isLiteral: true, at: 0)
        scanner.finish()
        return scanner.simpleCommands
    }
}
