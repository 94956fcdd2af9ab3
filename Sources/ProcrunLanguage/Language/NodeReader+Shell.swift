import ProcrunText

extension NodeReader {
    /// A shell (`shell`, `defaults.shell`): a line of words (`bash -euo pipefail`) or a list of
    /// them (`[bash, -euo, pipefail]`), at the node; nil after an error there.
    mutating func shell(_ node: YAMLNode, _ what: String) -> Located<ShellProgram>? {
        if node.items != nil {
            guard let words = strings(node, what) else { return nil }
            guard !words.isEmpty, !words[0].isEmpty else {
                error(.shellNotWords(what: what, found: "[]"), at: node.start)
                return nil
            }
            return Located(ShellProgram(words: words), at: node.start)
        }
        guard let line = string(node, what) else { return nil }
        guard let words = ShellProgram.words(ofLine: line) else {
            error(.shellNotWords(what: what, found: line), at: node.start)
            return nil
        }
        return Located(ShellProgram(words: words), at: node.start)
    }
}
