import ProcrunSystem
import ProcrunText

/// The shell a command line that needs one runs with: a program and its flags
/// (`bash -euo pipefail`). A step's `shell` wins, then its procedure's `shell`, then the library's
/// `defaults.shell`, then `/bin/sh` (``Procedure/shell(in:)``, ``CommandCall/shellWords(in:file:)``).
/// The program is the first word, found through `PATH` as a command's program is.
package struct ShellProgram: Sendable, Hashable {
    /// The program and its flags; never empty.
    package var words: [String]

    /// The shell when nothing sets one.
    package static let standard = ShellProgram(words: ["/bin/sh"])

    /// The words of a shell written as one line, split as a command line is (POSIX quoting); nil
    /// when the line has no word or has shell syntax (`|`, `;`, `$`, ...).
    package static func words(ofLine text: String) -> [String]? {
        guard case .direct(let words)? = try? ShellPlanner.plan([.text(text)]), !words.isEmpty else { return nil }
        return words
    }
}
