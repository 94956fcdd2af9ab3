import ArgumentParser
import ProcrunKit

/// `procrun check FILE...`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check procedure files without running them; report every problem."
    )

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: CheckCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
