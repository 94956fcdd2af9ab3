import ArgumentParser
import ProcrunKit

/// `procrun git-setup [FOLDER]`.
struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Install procrun's stats merge driver in a git repository (.gitattributes and git config).",
        discussion: "A hosting service's merge button does not run custom merge drivers: merge such branches locally.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: GitSetupCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
