import ArgumentParser
import ProcrunKit

/// `procrun run FILE`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a procedure (the default: procrun NAME is procrun run NAME)."
    )

    @Argument(help: "A procedure's name in the library, or its file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(name: [.customShort("s"), .customLong("set")], help: ArgumentHelp("An input value, read as the input's type.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("Input values as a JSON object (- for standard input); --set wins.", valueName: "FILE"))
    var inputs: String?

    @Flag(help: "Rerun the last failed run of the procedure from its failed step, with the same inputs.")
    var resume = false

    @Flag(help: "With --resume or --from: go on even when the procedure changed since that run.")
    var force = false

    @Option(name: .customLong("from"), help: ArgumentHelp("Start at this step (an id or a number); earlier steps are skipped, their results taken from the last run.", valueName: "STEP"))
    var fromStep: String?

    @Option(name: .customLong("adapt"), help: ArgumentHelp("Override PARAM in every step using ACTION.", valueName: "ACTION.PARAM=VALUE"))
    var adaptations: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    @Option(help: ArgumentHelp("Run actions nothing else defines through COMMAND (see grammar.md, Executors).", valueName: "COMMAND"))
    var executor: String?

    @Option(help: ArgumentHelp("Each step's limit when the step sets no timeout (500ms, 30s, 5m).", valueName: "DURATION"))
    var timeout: String?

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

    @Flag(help: "Learn from this run even when PROCRUN_LEARN=0 or procrun.yaml's 'learn: false' says not to.")
    var learn = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        var command = RunCommand(path: file)
        command.settings = settings
        command.inputsFile = inputs
        command.resume = resume
        command.force = force
        command.fromStep = fromStep
        command.adaptations = adaptations
        command.library = libraryOption.library
        command.dryRun = dryRun
        command.json = json
        command.quiet = quiet
        command.verbose = verbose
        command.noLearn = noLearn
        command.learn = learn
        command.noColor = colorOption.noColor
        command.executor = executor
        command.timeout = timeout
        command.junit = junit
        command.keepsLoadedDataUntilExit = true
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
