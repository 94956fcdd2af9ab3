import ArgumentParser
import ProcrunKit

/// `procrun show NAME|FILE`.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a procedure: inputs, outputs, steps and its call tree."
    )

    @Argument(help: "A procedure's name in the library, or its file.")
    var procedure: String

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = ShowCommand(target: procedure)
        command.library = library
        command.noColor = noColor
        command.json = json
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
