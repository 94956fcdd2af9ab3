import ArgumentParser
import ProcrunKit

/// `procrun git-setup [FOLDER]`.
struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Install procrun's stats merge driver in a git repository (.gitattributes and git config).",
        discussion: "A hosting service's merge button does not run custom merge drivers: merge such branches locally.")

    @Argument(help: "A folder inside the repository.")
    var folder = "."

    @Option(name: .customLong("pattern"), help: ArgumentHelp("A file pattern for the procedure files (repeatable; default *.yaml and *.yml).", valueName: "GLOB"))
    var patterns: [String] = []

    @Option(help: ArgumentHelp("The program git runs as the driver (default: this executable's absolute path).", valueName: "PATH"))
    var program: String?

    func run() throws {
        var command = GitSetupCommand()
        command.folder = folder
        if !patterns.isEmpty { command.patterns = patterns }
        command.program = program
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
