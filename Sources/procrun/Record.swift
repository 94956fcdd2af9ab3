import ArgumentParser
import ProcrunKit

/// `procrun record NAME`.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a procedure from commands typed at a prompt, or from an agent's action log.",
        discussion: """
            At the prompt, each line runs as a command; :done saves, :undo drops the last step, :note TEXT and :expect TEXT annotate it, :abort quits. \
            Steps are named after their program (make, git_tag); a command's output is expected only when asked (:expect) or when every run of the same command printed it. \
            Before saving, versions, numbers and words used by several commands are offered as inputs: answer NAME=N (version=1) or press Enter.
            """)

    /// The command's arguments and options, declared by the command itself.
    @OptionGroup var command: RecordCommand

    func run() throws {
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
