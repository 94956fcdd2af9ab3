import ArgumentParser
import ProcrunKit

/// `procrun show NAME|FILE`.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a procedure: inputs, outputs, steps with the commands they run, and its call tree."
    )

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: ShowCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
