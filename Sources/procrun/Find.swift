import ArgumentParser
import ProcrunKit

/// `procrun find "TASK"`.
struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find the procedures that best fit a task, by relevance and success record.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: FindCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
