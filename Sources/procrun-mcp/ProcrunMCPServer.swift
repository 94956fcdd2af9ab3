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

    /// `--library` and `--timeout`, as `procrun mcp` hands them on.
    @OptionGroup var options: MCPServeOptions

    func validate() throws {
        do throws(Diagnostic) {
            _ = try options.stepTimeout()
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let code = MCPServeCommand(options: options).execute()
        if code != 0 { throw ExitCode(code) }
    }
}
