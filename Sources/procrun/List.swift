import ArgumentParser
import ProcrunKit

/// `procrun list`.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the procedures of the library: name, description, tags, file."
    )

    @OptionGroup var libraryOption: LibraryOption

    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = ListCommand()
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        command.json = json
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
