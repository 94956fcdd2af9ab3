import ArgumentParser
import ProcrunKit

/// `procrun stats [PROCEDURE...]`.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.")

    @Argument(help: "Procedure names, files or folders (default: the whole library).")
    var paths: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    @Flag(help: "Print JSON for tools.")
    var json = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = StatsCommand(paths: paths)
        command.json = json
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
