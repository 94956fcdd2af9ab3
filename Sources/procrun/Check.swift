import ArgumentParser
import ProcrunKit

/// `procrun check FILE...`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check procedure files without running them; report every problem."
    )

    @Argument(help: "Procedure names, files or folders (default: the whole library).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    @Option(help: ArgumentHelp("Accept actions nothing else defines, as run --executor COMMAND would run them.", valueName: "COMMAND"))
    var executor: String?

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = CheckCommand(paths: files)
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        command.executor = executor
        command.keepsLoadedDataUntilExit = true
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
