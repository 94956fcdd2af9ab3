import ArgumentParser
import ProcrunKit

/// `procrun export --skills DIR`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the library as Agent Skills: one folder per procedure with a SKILL.md.")

    @Option(help: ArgumentHelp("The folder the skill folders are written into.", valueName: "DIR"))
    var skills: String

    @OptionGroup var libraryOption: LibraryOption

    @Flag(help: "Print the files written and unchanged as JSON.")
    var json = false

    func run() throws {
        var command = ExportCommand(skills: skills)
        command.library = libraryOption.library
        command.json = json
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
