/// What an agent gives MCP's `record_procedure`: the procedure's name, description and tags, the
/// inputs it declares, and the actions it performed, read as an action log's lines are
/// (``ActionLog/entry(_:)``).
package struct AgentRecording: Sendable {
    /// The procedure's name (an identifier, unique in the library).
    package var name: String
    /// What it does and when to use it (`procrun record --description`).
    package var description = ""
    /// Words for finding it (`procrun record --tags`).
    package var tags: [String] = []
    /// The inputs the agent declares, in the order written.
    package var inputs: [DeclaredInput] = []
    /// The actions performed, in order; only those that succeeded become steps.
    package var steps: [RecordedStep]

    /// A recording of `steps` under `name`.
    package init(name: String, steps: [RecordedStep]) {
        self.name = name
        self.steps = steps
    }
}
