import ArgumentParser
import ProcrunKit

/// `procrun optimize FILE [--write]`.
struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.")

    @Argument(help: "A procedure's name in the library, or its file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Flag(help: "Apply the change to the file (bumping its version).")
    var write = false

    @Flag(help: "Remove failing steps even when their failures stopped the procedure (a failing check).")
    var removeFailing = false

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = OptimizeCommand(path: file)
        command.write = write
        command.removeFailing = removeFailing
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
