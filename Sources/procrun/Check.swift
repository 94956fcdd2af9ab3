import ArgumentParser
import ProcrunKit

/// `procrun check FILE...`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check procedure files without running them; report every problem."
    )

    @Argument(help: "Procedure names, files or folders (default: the whole library).")
    var files: [String] = []

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Option(help: ArgumentHelp("Accept actions nothing else defines, as run --executor COMMAND would run them.", valueName: "COMMAND"))
    var executor: String?

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = CheckCommand(paths: files)
        command.library = library
        command.noColor = noColor
        command.executor = executor
        command.keepsLoadedDataUntilExit = true
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
