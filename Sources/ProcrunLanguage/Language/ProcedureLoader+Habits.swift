import ProcrunText

/// The step keys other tools taught (`command:` and `run:` of GitHub Actions and just, `shell:` of
/// Ansible, a step's `name:`), answered with what to write in procrun rather than "unknown key".
extension ProcedureLoader {
    /// The keys that write a command the way another tool does.
    static let commandHabits: Set<String> = ["command", "run", "shell"]

    /// What to say of the unknown key `pair` of the step `step`, when it is another tool's habit;
    /// nil for any other unknown key (then "unknown key", with "did you mean").
    static func habit(_ pair: YAMLPair, inStep step: YAMLNode) -> LanguageProblem? {
        let hasAction = step["action"] != nil
        switch pair.key {
        case "command", "run":
            return .commandAsStepKey(key: pair.key, command: commandShown(pair.value), hasAction: hasAction)
        case "shell" where !hasAction:
            // With an action, `shell:` may mean the shell program, a parameter of `shell` steps.
            return .commandAsStepKey(key: pair.key, command: commandShown(pair.value), hasAction: false)
        case "name":
            let named = step.pairs?.contains { commandHabits.contains($0.key) || $0.key == "parallel" } ?? false
            return .nameAsStepKey(name: identifier(from: pair.value), needsAction: !hasAction && !named)
        default:
            return nil
        }
    }

    /// Whether the step's habits were answered with what it needs, so that a missing `action` is
    /// not reported again.
    static func habitsNameAction(_ pairs: [YAMLPair]) -> Bool {
        pairs.contains { commandHabits.contains($0.key) || $0.key == "name" }
    }

    /// Whether the step writes its command as a step key (`command:`, `run:`) while it has no
    /// `parameters`, so that the action's missing `command` is not reported again.
    static func habitsHoldParameters(_ pairs: [YAMLPair]) -> Bool {
        pairs.contains { $0.key == "command" || $0.key == "run" }
    }

    /// The command as the fix writes it inside `{command: ...}`: the line (quoted when YAML needs
    /// it), a list of words in brackets, or `...` when it is long or spans lines.
    private static func commandShown(_ node: YAMLNode) -> String {
        if let scalar = node.scalar, !scalar.isNull, !scalar.text.contains("\n"), scalar.text.count <= 60 {
            return YAMLQuoting.scalar(scalar.text)
        }
        if let items = node.items, !items.isEmpty, items.allSatisfy({ $0.scalar.map { !$0.text.contains("\n") } ?? false }) {
            let words = "[" + items.compactMap { $0.scalar.map { YAMLQuoting.scalar($0.text) } }.joined(separator: ", ") + "]"
            if words.count <= 60 { return words }
        }
        return "..."
    }

    /// A step id made of a `name:`'s text: lower case, other characters than letters, digits,
    /// `_` and `-` as `_` (`Build the app` is `build_the_app`).
    private static func identifier(from node: YAMLNode) -> String {
        guard let text = node.scalar?.text else { return "build" }
        var id = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "-" || character == "_" {
                id.append(character)
            } else if !id.isEmpty, id.last != "_" {
                id.append("_")
            }
        }
        while id.last == "_" || id.last == "-" { id.removeLast() }
        if id.isEmpty { return "build" }
        return NodeReader.isIdentifier(id) ? id : "step_" + id
    }
}
