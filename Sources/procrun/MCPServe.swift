import ArgumentParser
import Glibc
import ProcrunKit

/// `procrun mcp`: replaces itself with `procrun-mcp`, the server program installed beside procrun.
struct MCPServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp", abstract: "Serve the library over MCP on standard input and output (see grammar.md, MCP).")

    @OptionGroup var libraryOption: LibraryOption

    @Option(help: ArgumentHelp("Each step's limit in run_procedure runs when the step sets none (default: procrun.yaml's defaults.timeout, else 10m).", valueName: "DURATION"))
    var timeout: String?

    func run() throws {
        let beside = FileSystem.directory(of: SelfInvocation.executable) + "/procrun-mcp"
        let program = FileSystem.exists(beside) ? beside : "procrun-mcp"
        let arguments = ["procrun-mcp"] + (libraryOption.library.map { ["--library", $0] } ?? []) + (timeout.map { ["--timeout", $0] } ?? [])
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        execvp(program, argv)
        let problem = Diagnostic(CommandProblem.serverProgramMissing(reason: String(cString: strerror(errno))))
        throw ExitCode(TextOutput.standardError.end(.invalid([problem]), DiagnosticRenderer(color: false)))
    }
}
