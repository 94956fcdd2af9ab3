import ArgumentParser
import Glibc
import ProcrunKit

/// The `procrun` command: runs, checks and learns from procedure files.
@main
struct Procrun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procrun",
        abstract: "Run procedures: named, checked sequences of steps written as YAML, that learn from every run.",
        discussion: "procrun FILE is procrun run FILE. The language is described in grammar.md.",
        version: ProcrunVersion.current,
        subcommands: [
            Run.self, Check.self, List.self, Show.self, Graph.self, Stats.self, Optimize.self, Record.self, Find.self,
            Similar.self, Merge.self, MergeDriver.self, GitSetup.self, MCPServe.self, Export.self, Schema.self, New.self, Completion.self,
        ]
    )

    /// The command line with `run` put first when it names no subcommand, so that `procrun FILE` is
    /// `procrun run FILE`. This is the parser's `defaultSubcommand` done by hand: with one declared,
    /// the parser builds the run command's whole argument table at every start of every command,
    /// about an eighth of what `procrun check` spends on start-up.
    static func withDefaultSubcommand(_ arguments: [String]) -> [String] {
        let rootWords = ["help", "-h", "--help", "-help", "--version", "--experimental-dump-help"]
        if let first = arguments.first {
            let isSubcommand = configuration.subcommands.contains { $0.configuration.commandName == first }
            if isSubcommand || rootWords.contains(first) || first.hasPrefix("--generate-completion-script") { return arguments }
        }
        return ["run"] + arguments
    }

    /// Parses and runs, mapping command-line mistakes to exit code 2 as grammar.md documents.
    static func main() {
        do {
            var command = try parseAsRoot(withDefaultSubcommand(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            if error is ExitCode || exitCode(for: error) == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { TextOutput.standardError.write(message + "\n") }
            TextOutput.standardError.flush()
            Glibc.exit(ExitStatus.invalid)
        }
    }
}
