import ArgumentParser
import ProcrunKit
import ProcrunMCP

/// `procrun-mcp`: the MCP server that `procrun mcp` runs (a program of its own, so that `procrun`
/// itself does not load the MCP SDK and Foundation).
@main
struct ProcrunMCPServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procrun mcp",
        abstract: "Serve the library over MCP on standard input and output (see grammar.md, MCP).",
        version: ProcrunVersion.current)

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Option(help: ArgumentHelp("Each step's limit in run_procedure runs when the step sets none (default: procrun.yaml's defaults.timeout, else 10m).", valueName: "DURATION"))
    var timeout: String?

    func run() throws {
        var command = MCPServeCommand()
        command.library = library
        if let timeout {
            guard let limit = Duration(parsing: timeout) else {
                throw ValidationError("--timeout '\(timeout)': expected a duration such as 500ms, 30s or 5m")
            }
            command.timeout = limit
        }
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
