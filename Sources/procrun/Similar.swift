import ArgumentParser
import ProcrunKit

/// `procrun similar`.
struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List groups of near-duplicate procedures, judged by their steps, and the one to keep.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: SimilarCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
