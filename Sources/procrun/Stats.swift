import ArgumentParser
import ProcrunKit

/// `procrun stats [PROCEDURE...]`.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: StatsCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
