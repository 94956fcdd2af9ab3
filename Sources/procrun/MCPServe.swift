import ArgumentParser
import Glibc
import ProcrunKit

/// `procrun mcp`: replaces itself with `procrun-mcp`, the server program installed beside procrun.
struct MCPServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp", abstract: "Serve the library over MCP on standard input and output (see grammar.md, MCP).")

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Option(help: ArgumentHelp("Each step's limit in run_procedure runs when the step sets none (default: procrun.yaml's defaults.timeout, else 10m).", valueName: "DURATION"))
    var timeout: String?

    func run() throws {
        let beside = FileSystem.directory(of: SelfInvocation.executable) + "/procrun-mcp"
        let program = FileSystem.exists(beside) ? beside : "procrun-mcp"
        let arguments = ["procrun-mcp"] + (library.map { ["--library", $0] } ?? []) + (timeout.map { ["--timeout", $0] } ?? [])
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        execvp(program, argv)
        let reason = String(cString: strerror(errno))
        TextOutput.standardError.write("error: procrun mcp needs the procrun-mcp program beside procrun or in PATH: \(reason)\n")
        TextOutput.standardError.flush()
        throw ExitCode(ExitStatus.invalid)
    }
}
