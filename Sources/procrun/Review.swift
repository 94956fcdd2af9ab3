import ArgumentParser
import ProcrunKit

/// `procrun review [BASE [HEAD]]`.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarize what a change does to a library's procedures: authored changes and what their record says now.",
        discussion: "BASE defaults to the merge base with the upstream branch (else HEAD), HEAD to the working tree.")

    @Argument(help: "The version compared from (default: the merge base with the upstream branch, else HEAD).")
    var base: String?

    @Argument(help: "The version compared to (default: the working tree).")
    var head: String?

    @Option(help: ArgumentHelp("text, markdown or json.", valueName: "FORMAT"))
    var format: String = "text"

    func validate() throws {
        guard ReviewCommand.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be text, markdown or json, found '\(format)'")
        }
    }

    func run() throws {
        var command = ReviewCommand()
        command.base = base
        command.head = head
        command.format = ReviewCommand.Format(rawValue: format) ?? .text
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
