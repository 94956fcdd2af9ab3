import ProcrunText

extension Precondition {
    /// The keys of an entry of `precondition:` written as a mapping.
    static let entryKeys = ["that", "sh", "message"]

    /// Reads a `precondition:` value (of a procedure or a step), in order: a bare expression, or a
    /// list whose entries are a bare expression, `{that: EXPRESSION, message: TEXT}` or
    /// `{sh: COMMAND, message: TEXT}` (one entry may stand alone, without the list).
    static func read(_ node: YAMLNode, reader: inout NodeReader) -> [Precondition] {
        guard !node.isNull else { return [] }
        return (node.items ?? [node]).compactMap { entry(of: $0, reader: &reader) }
    }

    /// One entry: an expression, or a mapping of `that` or `sh` and an optional `message`.
    private static func entry(of node: YAMLNode, reader: inout NodeReader) -> Precondition? {
        if node.scalar != nil {
            guard let condition = ProcedureLoader.condition(node, "'precondition'", reader: &reader) else { return nil }
            return Precondition(test: .that(condition), location: node.start, text: node.scalar?.text ?? "")
        }
        guard let pairs = reader.mapping(node, "an entry of 'precondition'", keys: entryKeys) else { return nil }
        let misspelled = !reader.lastMisspellings.isEmpty
        let tests = pairs.filter { $0.key == "that" || $0.key == "sh" }
        guard tests.count == 1, let written = tests.first else {
            if tests.count > 1 || !misspelled { reader.error(.preconditionTest(both: tests.count > 1), at: node.start) }
            return nil
        }
        var message: TemplateField?
        if let text = pairs.first(where: { $0.key == "message" }) {
            guard let field = ProcedureLoader.template(text.value, "'message'", reader: &reader) else { return nil }
            message = field
        }
        let test: Test
        if written.key == "that" {
            guard let condition = ProcedureLoader.condition(written.value, "'that'", reader: &reader) else { return nil }
            test = .that(condition)
        } else {
            guard let line = ProcedureLoader.template(written.value, "'sh'", reader: &reader) else { return nil }
            test = .command(CommandCall(command: .line(line)))
        }
        return Precondition(test: test, message: message, location: node.start, text: written.value.scalar?.text ?? "")
    }
}
