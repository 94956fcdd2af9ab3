/// The examples a command's `--help` ends with (argument-parser's `discussion`), the one way they
/// are written: each a `#` comment saying what it does over the command, so that the block can be
/// pasted into a shell as it is, at the root of a repository laid out as the README's is.
package enum HelpExamples {
    /// `intro` (when there is one) and a blank line, then `Examples:` and each example, indented.
    package static func discussion(intro: String = "", _ examples: KeyValuePairs<String, String>) -> String {
        let lines = examples.map { "  # \($0.key)\n  \($0.value)" }
        return (intro.isEmpty ? "" : intro + "\n\n") + "Examples:\n" + lines.joined(separator: "\n")
    }
}
