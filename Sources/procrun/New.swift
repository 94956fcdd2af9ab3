import ArgumentParser
import ProcrunKit

/// `procrun new NAME`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new procedure: write a checked skeleton NAME.yaml into the library (never over an existing one).")

    @Argument(help: "The procedure's name: letters, digits, '_' and '-', starting with a letter.")
    var name: String

    @Option(help: ArgumentHelp("What the procedure does and when to use it.", valueName: "TEXT"))
    var description: String?

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = NewCommand(name: name)
        command.description = description
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
