import ArgumentParser
import ProcrunKit

/// `procrun stats [PROCEDURE...]`.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.")

    @Argument(help: "Procedure names, files or folders (default: the whole library).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "Print JSON for tools.")
    var json = false

    func run() throws {
        var command = StatsCommand(paths: paths)
        command.json = json
        command.library = library
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
