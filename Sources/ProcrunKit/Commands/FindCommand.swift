package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun find "TASK"`: ranks the library's procedures for a task description.
package struct FindCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find the procedures that best fit a task, by relevance and success record.",
        discussion: """
            Examples:
              # the procedures that fit a task, or what the nearest lack
              procrun find "deploy the backend service"
              # the best three, as JSON for an agent
              procrun find "file a bug report" --limit 3 --json
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The task description.
    @Argument(help: "What you want to do, in words.")
    var task: String
    /// `--limit N`: how many matches to print.
    @Option(help: "How many matches to show.")
    var limit = 5
    /// `--json`.
    @Flag(help: "Print the matches as JSON.")
    var json = false
    /// `--no-cache`: read every file, leaving the cache untouched.
    @Flag(help: "Read every file instead of using the index cache (the cache is left as it is).")
    var noCache = false
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A search as the command line gives it (the task is required).
    package init() {}

    /// Searches; 0 when something matched, 1 when nothing matched well enough, 2 for bad input.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        func fail(_ problem: CommandProblem) -> Int32 {
            return stderr.reject(Diagnostic(problem), renderer)
        }
        guard limit > 0 else { return fail(.limitTooLow(limit)) }
        guard !Tokenizer.terms(task).isEmpty else { return fail(.noSearchWords(query: task)) }
        let found: Library
        do {
            found = try Library.locate(override: library.path)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        let library = LibraryIndex(library: found, useCache: !noCache)
        let outcome = Ranker(index: library.index, abbreviations: Abbreviations(adding: found.findAbbreviations)).find(task, limit: limit)
        if json {
            stdout.write(Self.json(outcome, searched: library.documents.count) + "\n")
        } else if outcome.matches.isEmpty {
            stdout.write("no procedure matches '\(task)' well enough (\(library.documents.count) searched)\n")
            if !outcome.nearest.isEmpty {
                let nearest = outcome.nearest.map { match in
                    match.missing.isEmpty ? match.summary.name : match.summary.name + " (lacks " + match.missing.map { "'\($0)'" }.joined(separator: ", ") + ")"
                }
                stdout.write("nearest: \(nearest.joined(separator: ", "))\n")
            }
            if let hint = outcome.hint { stdout.write(hint + "\n") }
        } else {
            let matches = outcome.matches
            let width = matches.map(\.summary.name.count).max() ?? 0
            for (number, match) in matches.enumerated() {
                let name = match.summary.name + String(repeating: " ", count: width - match.summary.name.count)
                let record =
                    match.summary.runs == 0
                    ? "never run" : "success \(Self.percent(match.summary.successRate ?? 0)) of \(match.summary.runs) run\(match.summary.runs == 1 ? "" : "s")"
                stdout.write("\(number + 1). \(name)  score \(Self.decimal(match.score))  \(record)  \(match.summary.path)\n")
                if !match.summary.description.isEmpty { stdout.write("   \(match.summary.description.excerpt(100))\n") }
                if !match.duplicates.isEmpty {
                    stdout.write("   near-duplicates: \(match.duplicates.map(\.name).joined(separator: ", ")) (see procrun similar)\n")
                }
            }
        }
        stdout.flush()
        for path in library.unreadable {
            stderr.write(renderer.render(Diagnostic(CommandProblem.notAProcedure, .warning, path: path)))
        }
        stderr.flush()
        return CommandFailure.exitStatus(of: outcome.matches.isEmpty ? .failed() : nil)
    }

    /// The `--json` document: `{"query", "searched", "matches": [...]}`, and when nothing fits,
    /// `"nearest": [{"name", "file", "missing"}]` and `"hint"`.
    static func json(_ outcome: Ranker.Outcome, searched: Int) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("query", outcome.query.text)
        writer.integer("searched", searched)
        writer.beginArray("matches")
        for match in outcome.matches {
            writer.beginObject()
            writer.string("name", match.summary.name)
            writer.string("file", match.summary.path)
            writer.string("description", match.summary.description)
            writer.raw("score", decimal(match.score))
            writer.raw("relevance", decimal(match.relevance))
            writer.raw("success_rate", match.summary.successRate.map(decimal) ?? "null")
            writer.integer("runs", match.summary.runs)
            writer.beginArray("duplicates")
            for duplicate in match.duplicates { writer.string(nil, duplicate.name) }
            writer.endArray()
            writer.beginArray("matched")
            for word in match.matched { writer.string(nil, word) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        if outcome.matches.isEmpty {
            writer.beginArray("nearest")
            for match in outcome.nearest {
                writer.beginObject()
                writer.string("name", match.summary.name)
                writer.string("file", match.summary.path)
                writer.beginArray("missing")
                for word in match.missing { writer.string(nil, word) }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            if let hint = outcome.hint { writer.string("hint", hint) }
        }
        writer.endObject()
        return writer.text
    }

    /// A number with two decimals.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A rate as a whole percentage.
    static func percent(_ rate: Double) -> String {
        "\(Int((rate * 100).rounded()))%"
    }
}
