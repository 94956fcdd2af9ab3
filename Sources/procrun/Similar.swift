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

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = SimilarCommand()
        command.threshold = threshold
        command.json = json
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
