/// The built-in actions, one line each. The loader finds a step's action here; the JSON Schema,
/// grammar.md's tables and the MCP tools' descriptions list what is declared here.
package enum BuiltinActions {
    /// The actions a step performs, in the order the docs list them.
    static let performed: [any BuiltinAction.Type] = [
        ShellAction.self,
        LogAction.self,
        AssertAction.self,
        FailAction.self,
        SleepAction.self,
        SetAction.self,
        WriteFileAction.self,
        HTTPAction.self,
        MCPAction.self,
        WaitForAction.self,
    ]

    /// Every built-in action's declaration: those performed, then `replay_procedure`, which calls
    /// a procedure and is compiled and run as a step naming the procedure directly is.
    package static let declarations = performed.map { $0.declaration } + [ReplayProcedureAction.declaration]

    /// The built-in actions' names, in the order the docs list them.
    package static let names = declarations.map(\.name)

    /// Each built-in action's declaration with its type (nil for `replay_procedure`).
    private static let entries: [(declaration: ActionDeclaration, type: (any BuiltinAction.Type)?)] =
        performed.map { ($0.declaration, $0) } + [(ReplayProcedureAction.declaration, nil)]

    /// A built-in action by name: its declaration, and its type unless it is `replay_procedure`.
    /// (The loader asks for every step: a few comparisons of short names cost less than hashing one.)
    static func named(_ name: String) -> (declaration: ActionDeclaration, type: (any BuiltinAction.Type)?)? {
        entries.first { $0.declaration.name == name }
    }

    /// Whether `name` is a built-in action's.
    static func contains(_ name: String) -> Bool {
        named(name) != nil
    }
}
