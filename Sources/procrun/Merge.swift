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

    @Flag(help: "Merge even procedures that do opposite things (add and delete, backup and restore).")
    var force = false

    @Flag(help: "Show the change without making it.")
    var dryRun = false

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = MergeCommand(keep: keep, others: others)
        command.reason = reason
        command.archive = archive
        command.dryRun = dryRun
        command.force = force
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
