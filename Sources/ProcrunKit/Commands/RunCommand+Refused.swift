import ArgumentParser
import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

extension RunCommand {
    /// What `run --json` prints when the parser refused its command line (`arguments`, `run`
    /// first), so that `--json` always gives one document: the report of a run that could not
    /// start (``JSONReport/renderNotStarted(file:procedure:diagnostics:)``), naming the first word
    /// that is a procedure file, and the parser's `message`. Nil without `--json` (before `--`).
    package static func refusedReport(arguments: [String], message: String) -> String? {
        guard arguments.first == configuration.commandName else { return nil }
        let options = arguments.prefix { $0 != "--" }
        guard options.contains("--json") else { return nil }
        let file = options.dropFirst().first { !$0.hasPrefix("-") && (ProcedureIndex.isPath($0) || FileSystem.entryKind($0) == .file) } ?? ""
        let problem = Diagnostic(CommandProblem.commandLineRefused(message: message))
        return JSONReport.renderNotStarted(file: file, procedure: nil, diagnostics: [problem]) + "\n"
    }
}
