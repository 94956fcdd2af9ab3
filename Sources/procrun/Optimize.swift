import ArgumentParser
import ProcrunKit

/// `procrun optimize FILE [--write]`.
struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: OptimizeCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
