import ArgumentParser
import ProcrunKit

/// `procrun optimize FILE [--write]`.
struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.")

    @Argument(help: "A procedure's name in the library, or its file.")
    var file: String

    @Flag(help: "Apply the change to the file (bumping its version).")
    var write = false

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = OptimizeCommand(path: file)
        command.write = write
        command.library = library
        command.noColor = noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
