import ArgumentParser
import ProcrunKit

/// `procrun run FILE`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a procedure (the default: procrun FILE is procrun run FILE)."
    )

    @Argument(help: "The procedure file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(name: [.customShort("s"), .customLong("set")], help: ArgumentHelp("An input value, read as the input's type.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Option(name: .customLong("adapt"), help: ArgumentHelp("Override PARAM in every step using ACTION.", valueName: "ACTION.PARAM=VALUE"))
    var adaptations: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    @Option(help: ArgumentHelp("Run actions nothing else defines through COMMAND (see grammar.md, Executors).", valueName: "COMMAND"))
    var executor: String?

    @Option(help: ArgumentHelp("Also write the run as JUnit XML, for CI (one testsuite per procedure, one testcase per step).", valueName: "FILE"))
    var junit: String?

    @Flag(name: [.customShort("n"), .long], help: "Print each step as it would run, and run nothing.")
    var dryRun = false

    @Flag(help: "Print the JSON report on standard output instead of progress.")
    var json = false

    @Flag(name: [.customShort("q"), .long], help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Stream each command's output as it runs.")
    var verbose = false

    @Flag(help: "Leave the stats block untouched.")
    var noLearn = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = RunCommand(path: file)
        command.settings = settings
        command.adaptations = adaptations
        command.library = libraryOption.library
        command.dryRun = dryRun
        command.json = json
        command.quiet = quiet
        command.verbose = verbose
        command.noLearn = noLearn
        command.noColor = colorOption.noColor
        command.executor = executor
        command.junit = junit
        command.keepsLoadedDataUntilExit = true
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
