import ArgumentParser
import ProcrunKit

/// `procrun run FILE`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a procedure (the default: procrun NAME is procrun run NAME)."
    )

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: RunCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
