import ArgumentParser
import ProcrunKit

/// `procrun show NAME|FILE`.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a procedure: inputs, outputs, steps with the commands they run, and its call tree."
    )

    @Argument(help: "A procedure's name in the library, or its file.")
    var procedure: String

    @OptionGroup var libraryOption: LibraryOption

    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = ShowCommand(target: procedure)
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        command.json = json
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
