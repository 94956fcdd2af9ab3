import ArgumentParser
import ProcrunKit

/// `procrun resolve [FILE...]`.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "After a merge left conflicts in procedure files, merge their stats as the merge driver would.",
        discussion: "Reads git's index stages (base, ours, theirs); a file with nothing else conflicted is added to the index.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: ResolveCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
