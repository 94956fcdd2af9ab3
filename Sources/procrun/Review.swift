import ArgumentParser
import ProcrunKit

/// `procrun review [BASE [HEAD]]`.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarize what a change does to a library's procedures: authored changes and what their record says now.",
        discussion: "BASE defaults to the merge base with the upstream branch (else HEAD), HEAD to the working tree.")

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: ReviewCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
