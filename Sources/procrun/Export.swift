import ArgumentParser
import ProcrunKit

/// `procrun export --skills DIR`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the library as Agent Skills: one folder per procedure with a SKILL.md.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: ExportCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
