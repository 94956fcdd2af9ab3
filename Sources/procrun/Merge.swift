import ArgumentParser
import ProcrunKit

/// `procrun merge KEEP OTHER...`.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Mark procedures as superseded by the one kept (or archive them); nothing is deleted.")

    @Argument(help: "The procedure to keep.")
    var keep: String

    @Argument(help: "The procedures it replaces.")
    var others: [String] = []

    @Option(help: ArgumentHelp("Why they were merged (default: the similarity and both records).", valueName: "TEXT"))
    var reason: String?

    @Flag(help: "Move the others to archive/ in the library instead of marking them.")
    var archive = false

    @Flag(help: "Show the change without making it.")
    var dryRun = false

    @Option(help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"))
    var library: String?

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        var command = MergeCommand(keep: keep, others: others)
        command.reason = reason
        command.archive = archive
        command.dryRun = dryRun
        command.library = library
        command.noColor = noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
