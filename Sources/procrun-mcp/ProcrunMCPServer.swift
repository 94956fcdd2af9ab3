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

    func run() throws {
        var command = MCPServeCommand()
        command.library = library
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
