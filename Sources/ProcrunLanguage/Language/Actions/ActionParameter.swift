/// One parameter of a built-in action, declared once with its action: the loader's checks, the
/// JSON Schema, grammar.md's tables and the MCP tools' descriptions read it.
package struct ActionParameter: Sendable {
    /// The parameter's name, as a step writes it under `parameters`.
    package let name: String
    /// What it takes.
    package let kind: Kind
    /// Whether a step must give it, and what it is when the step does not.
    package let value: Default
    /// What it is for: one line, the meaning column of grammar.md's table (Markdown).
    package let doc: String

    /// A parameter named `name` that takes `kind`.
    init(_ name: String, _ kind: Kind, _ value: Default, _ doc: String) {
        self.name = name
        self.kind = kind
        self.value = value
        self.doc = doc
    }

    /// Whether a step must give it.
    package var isRequired: Bool {
        if case .required = value { return true }
        return false
    }
}
