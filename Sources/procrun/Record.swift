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

    @Argument(help: "The procedure's name; it is saved as NAME.yaml in the library.")
    var name: String

    @Option(help: ArgumentHelp("What the procedure does and when to use it.", valueName: "TEXT"))
    var description: String

    @Option(help: ArgumentHelp("Comma-separated words for finding it.", valueName: "a,b"))
    var tags: String?

    @Option(help: ArgumentHelp("Build the procedure from an action log (one JSON object per line; - for standard input) instead of the prompt; repeat it to generalize several logs of one task.", valueName: "FILE"))
    var from: [String] = []

    @Flag(help: "With several logs, keep the steps only some of them performed, each behind a new boolean input.")
    var keepOptional = false

    @Flag(help: "Print the procedure instead of saving it.")
    var dryRun = false

    @Flag(help: "Replace an existing procedure of the same name.")
    var force = false

    @Flag(help: "Save as the next version of an existing procedure; the old file moves to archive/.")
    var newVersion = false

    @Flag(help: "Replay the new procedure once before saving it, for real: its commands run again in the library (on a terminal it asks first; --dry-run only checks and prints). Save only if the replay succeeds.")
    var verify = false

    @Option(name: .customLong("secret"), help: ArgumentHelp("An environment variable whose value is secret (repeatable).", valueName: "NAME"))
    var secrets: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = RecordCommand(name: name)
        command.description = description
        command.tags = (tags ?? "").split(separator: ",").map { String($0).trimmingSpaces() }
        command.from = from
        command.keepOptional = keepOptional
        command.dryRun = dryRun
        command.force = force
        command.newVersion = newVersion
        command.verify = verify
        command.secretNames = secrets
        command.library = libraryOption.library
        command.noColor = colorOption.noColor
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
