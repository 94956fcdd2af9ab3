import ArgumentParser
import ProcrunKit

/// `procrun merge KEEP OTHER...`.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Mark procedures as superseded by the one kept (or archive them); nothing is deleted.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: MergeCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
