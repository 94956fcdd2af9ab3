import ArgumentParser
import ProcrunKit

/// `procrun merge-driver %O %A %B %L %P %S %X %Y`.
struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver for procedure files: sums the stats of both branches, merges the rest like git.",
        discussion: "Installed by 'procrun git-setup'; git runs it as: procrun merge-driver %O %A %B %L %P %S %X %Y")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: MergeDriverCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
