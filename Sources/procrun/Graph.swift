import ArgumentParser
import ProcrunKit

/// `procrun graph NAME|FILE`.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a procedure's call graph as Mermaid or DOT."
    )

    @Argument(help: "A procedure's name in the library, or its file.")
    var procedure: String

    @Option(help: ArgumentHelp("mermaid or dot.", valueName: "FORMAT"))
    var format: String = "mermaid"

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func validate() throws {
        guard GraphCommand.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be mermaid or dot, found '\(format)'")
        }
    }

    func run() throws {
        var command = GraphCommand(target: procedure)
        command.format = GraphCommand.Format(rawValue: format) ?? .mermaid
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
