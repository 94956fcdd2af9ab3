/// The actions procrun knows without a library, with the parameters each accepts.
package enum BuiltinAction: String, Sendable, CaseIterable {
    case shell, log, assert, fail, sleep, set
    case writeFile = "write_file"
    case http
    case mcp
    case replayProcedure = "replay_procedure"

    /// The parameters the action accepts (`set` accepts any name).
    package var parameters: [String] {
        switch self {
        case .shell: ["command", "env", "cwd", "shell", "stdin"]
        case .log: ["message", "level"]
        case .assert: ["that", "message"]
        case .fail: ["message"]
        case .sleep: ["duration"]
        case .set: []
        case .writeFile: ["path", "content", "append", "mode", "create_dirs", "outside_library", "library_files"]
        case .http: ["url", "method", "headers", "body"]
        case .mcp: ["server", "tool", "arguments"]
        case .replayProcedure: ["procedure", "inputs"]
        }
    }

    /// The parameters a step must give.
    package var requiredParameters: [String] {
        switch self {
        case .shell: ["command"]
        case .log: ["message"]
        case .assert: ["that"]
        case .fail, .set: []
        case .sleep: ["duration"]
        case .writeFile: ["path", "content"]
        case .http: ["url"]
        case .mcp: ["tool"]
        case .replayProcedure: ["procedure"]
        }
    }
}
