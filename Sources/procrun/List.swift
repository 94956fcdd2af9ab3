import ArgumentParser
import ProcrunKit

/// `procrun list`.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the procedures of the library: name, description, tags, file."
    )

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: ListCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
