/// What an action produced: what later steps read as `steps.ID.outcome`, `stdout`, `stderr` and
/// `exit_code`, and expectations are checked against.
package struct ActionResult: Sendable {
    /// The outcome (for a command, its standard output).
    package var outcome = ""
    /// Standard output without its final line ending (commands only).
    package var stdout = ""
    /// Standard error without its final line ending (commands only).
    package var stderr = ""
    /// The exit code (commands), the HTTP status (`http`), or nil.
    package var exitCode: Int?

    /// An empty result.
    package init() {}
}

extension ActionResult {
    /// The text without one final line ending, `\n` or `\r\n` (which Swift counts as one
    /// character): a command's output as results keep it.
    static func withoutFinalNewline(_ text: String) -> String {
        var text = text
        if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}
