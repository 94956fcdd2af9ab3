import ArgumentParser
import ProcrunKit
import ProcrunMCP

/// `procrun mcp`.
struct MCPServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp", abstract: "Serve the library over MCP on standard input and output (see grammar.md, MCP).")

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    func run() throws {
        var command = MCPServeCommand()
        command.library = library
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
