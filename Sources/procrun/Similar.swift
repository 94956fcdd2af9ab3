import ArgumentParser
import ProcrunKit

/// `procrun similar`.
struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List groups of near-duplicate procedures, judged by their steps, and the one to keep.")

    @Option(help: "The least similarity (0 to 1) for two procedures to count as near-duplicates.")
    var threshold = 0.75

    @Flag(help: "Print the groups as JSON.")
    var json = false

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = SimilarCommand()
        command.threshold = threshold
        command.json = json
        command.library = library
        command.noColor = noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
