/// What a built-in action is, declared once in its file: its name, what it does and its
/// parameters. The loader checks a step's parameter names against it; the JSON Schema,
/// grammar.md's tables and the MCP tools' descriptions are written from it. (A class: the loader
/// reads one for every step, and a reference is all it copies.)
package final class ActionDeclaration: Sendable {
    /// The name a step gives as `action`.
    package let name: String
    /// What the action does and what its outcome is, in a sentence or two.
    package let summary: String
    /// The parameters it takes, in the order the docs list them.
    package let parameters: [ActionParameter]
    /// What every name not among `parameters` takes, for an action that takes any name (`set`).
    package let anyName: ActionParameter?
    /// The parameters' names (read for every step: kept, not worked out each time).
    let names: [String]
    /// The names of the parameters a step must give.
    let required: [String]

    /// The declaration of the action `name`.
    init(_ name: String, _ summary: String, parameters: [ActionParameter] = [], anyName: ActionParameter? = nil) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.anyName = anyName
        names = parameters.map(\.name)
        required = parameters.filter(\.isRequired).map(\.name)
    }

    /// The action's table of parameters as grammar.md shows it.
    var table: String {
        var rows = ["| parameter | type | default | meaning |", "| --- | --- | --- | --- |"]
        for parameter in parameters {
            rows.append("| `\(parameter.name)` | \(parameter.kind.shown) | \(parameter.value.shown) | \(parameter.doc) |")
        }
        if let anyName {
            rows.append("| any name | \(anyName.kind.shown) | \(anyName.value.shown) | \(anyName.doc) |")
        }
        return rows.joined(separator: "\n")
    }
}
