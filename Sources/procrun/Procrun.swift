import ArgumentParser
import Glibc
import ProcrunKit

/// The `procrun` command: runs, checks and learns from procedure files.
@main
struct Procrun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procrun",
        abstract: "Run procedures: named, checked sequences of steps written as YAML, that learn from every run.",
        discussion: """
            procrun NAME (a procedure's name or file) is procrun run NAME; procrun alone runs procrun.yaml's default procedure, else lists the procedures. The language is described in grammar.md.

            Examples:
              # run procrun.yaml's default procedure, else list the library
              procrun
              # run the procedure named hello, with an input
              procrun hello --set name=Ada
              # run two procedures in order, the second even if the first fails
              procrun hello deploy_backend --keep-going
              # check every procedure of the library without running anything
              procrun check
              # the options of a command
              procrun help run
            """,
        version: ProcrunVersion.current,
        subcommands: [
            RunCommand.self, CheckCommand.self, ListCommand.self, ShowCommand.self, GraphCommand.self, StatsCommand.self, HistoryCommand.self, ReportCommand.self,
            OptimizeCommand.self, RecordCommand.self, FindCommand.self, SimilarCommand.self, MergeCommand.self,
            MergeDriverCommand.self, GitSetupCommand.self, ReviewCommand.self, ResolveCommand.self, MCPServe.self,
            ExportCommand.self, Schema.self, NewCommand.self, Completion.self,
        ]
    )

    /// The command line with `run` put first when it names no subcommand, so that `procrun NAME` is
    /// `procrun run NAME`; `procrun` alone is `procrun run DEFAULT` or `procrun list`. This is the parser's `defaultSubcommand` done by hand: with one declared,
    /// the parser builds the run command's whole argument table at every start of every command,
    /// about an eighth of what `procrun check` spends on start-up.
    static func withDefaultSubcommand(_ arguments: [String]) -> [String] {
        // `procrun` alone: the library's `default:` procedure, else the list of its procedures.
        if arguments.isEmpty {
            let library = try? ProcedureTarget.currentLibrary(override: nil)
            return library?.defaultProcedure.map { ["run", $0.value] } ?? ["list"]
        }
        // `---completion` is the completion script asking a command's custom completion.
        let rootWords = ["help", "-h", "--help", "-help", "--version", "--experimental-dump-help", "---completion"]
        if let first = arguments.first {
            // The root's own words first: they need no command's configuration built.
            if rootWords.contains(first) || first.hasPrefix("--generate-completion-script") { return arguments }
            if configuration.subcommands.contains(where: { $0.configuration.commandName == first }) { return arguments }
        }
        return ["run"] + arguments
    }

    /// A first word that is no subcommand, no file and no procedure of the library but one edit
    /// or two from a subcommand (`procrun lsit`), or another tool's name for one (`procrun init`,
    /// ``CommandHabit``): the error that suggests it.
    static func mistypedSubcommand(_ arguments: [String]) -> Diagnostic? {
        guard let first = arguments.first, !first.hasPrefix("-"), !ProcedureIndex.isPath(first), !FileSystem.exists(first) else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(first), let near = CommandHabit.suggestion(for: first, in: names) else { return nil }
        if let library = try? ProcedureTarget.currentLibrary(override: nil), ProcedureIndex(library: library).entriesByName[first] != nil {
            return nil
        }
        return Diagnostic(CommandProblem.mistypedCommand(word: first, near: near))
    }

    /// Parses and runs, mapping command-line mistakes to exit code 2 as grammar.md documents.
    static func main() {
        // git runs the merge driver with paths and branch names that it only prints: it takes any bytes.
        let raw = CommandLineEncoding.rawArguments()
        if raw.first != Array((MergeDriverCommand.configuration.commandName ?? "").utf8), let problem = CommandLineEncoding.problem(in: raw) {
            TextOutput.standardError.write(DiagnosticRenderer(color: TextOutput.standardError.wantsColor).render(problem))
            TextOutput.standardError.flush()
            Glibc.exit(CommandFailure.invalid().exitStatus)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let mistake = mistypedSubcommand(arguments) {
            TextOutput.standardError.write(DiagnosticRenderer(color: false).render(mistake))
            TextOutput.standardError.flush()
            Glibc.exit(CommandFailure.invalid().exitStatus)
        }
        // The process exits right after its command: what the command loaded is not freed one by one.
        ProcessLifetime.keepLoadedDataUntilExit()
        let rewritten = RunCommand.passingRest(withDefaultSubcommand(arguments))
        do {
            var command = try parseAsRoot(rewritten)
            try command.run()
        } catch {
            if error is ExitCode || exitCode(for: error) == .success {
                exit(withError: error)
            }
            // `run --json` prints one document, even for a command line the parser refused.
            if let report = RunCommand.refusedReport(arguments: rewritten, message: message(for: error)) {
                TextOutput.standardOutput.write(report)
                TextOutput.standardOutput.flush()
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { TextOutput.standardError.write(message + "\n") }
            TextOutput.standardError.flush()
            Glibc.exit(CommandFailure.invalid().exitStatus)
        }
    }
}
