import ArgumentParser
import ProcrunKit

/// `procrun find "TASK"`.
struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find the procedures that best fit a task, by relevance and success record.")

    @Argument(help: "What you want to do, in words.")
    var task: String

    @Option(help: "How many matches to show.")
    var limit = 5

    @Flag(help: "Print the matches as JSON.")
    var json = false

    @Flag(help: "Read every file instead of using the index cache (the cache is left as it is).")
    var noCache = false

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = FindCommand(query: task)
        command.limit = limit
        command.json = json
        command.noCache = noCache
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
