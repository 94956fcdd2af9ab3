import ArgumentParser
import ProcrunKit

/// `procrun new NAME`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new procedure: write a checked skeleton NAME.yaml into the library (never over an existing one).")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: NewCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
