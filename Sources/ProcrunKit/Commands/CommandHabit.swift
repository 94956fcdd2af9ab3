import ProcrunText

/// The command names that users of other tools type for procrun's (`init` for `new`, `ls` for
/// `list`): a first word that is neither a command nor a procedure gets "did you mean" from this
/// table, else from the commands a few edits away (``Suggestion``).
package enum CommandHabit {
    /// Each habit and the command (or root flag) it stands for, as grammar.md lists them.
    package static let table: [String: String] = [
        "init": "new", "create": "new",
        "ls": "list",
        "exec": "run", "execute": "run",
        "validate": "check", "lint": "check",
        "search": "find",
        "describe": "show", "info": "show",
        "version": "--version",
    ]

    /// The command `word` was most likely meant as among `commands`: a habit's, else the nearest
    /// name; nil when there is none.
    package static func suggestion(for word: String, in commands: [String]) -> String? {
        table[word.lowercased()] ?? Suggestion.closest(to: word, in: commands)
    }
}
