import ArgumentParser
import Glibc
import ProcrunKit

/// `procrun mcp`: replaces itself with `procrun-mcp`, the server program installed beside procrun.
struct MCPServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp", abstract: "Serve the library over MCP on standard input and output (see grammar.md, MCP).")

    /// `--library` and `--timeout`, handed on to `procrun-mcp` as they are.
    @OptionGroup var options: MCPServeOptions

    func run() throws {
        let beside = FileSystem.directory(of: SelfInvocation.executable) + "/procrun-mcp"
        let program = FileSystem.exists(beside) ? beside : "procrun-mcp"
        let arguments = ["procrun-mcp"] + options.arguments
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        execvp(program, argv)
        let problem = Diagnostic(CommandProblem.serverProgramMissing(reason: String(cString: strerror(errno))))
        throw ExitCode(TextOutput.standardError.end(.invalid([problem]), DiagnosticRenderer(color: false)))
    }
}
