import ArgumentParser
import ProcrunKit

/// `procrun graph NAME|FILE`.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a procedure's call graph as Mermaid or DOT."
    )

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: GraphCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
