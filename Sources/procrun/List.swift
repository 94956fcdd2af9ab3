import ArgumentParser
import ProcrunKit

/// `procrun list`.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the procedures of the library: name, description, tags, file."
    )

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = ListCommand()
        command.library = library
        command.noColor = noColor
        command.json = json
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
