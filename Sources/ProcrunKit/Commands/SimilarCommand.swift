package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun similar`: lists groups of near-duplicate procedures and names the one to keep.
package struct SimilarCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List groups of near-duplicate procedures, judged by their steps, and the one to keep.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// `--threshold`: the least similarity, 0 to 1.
    @Option(help: "The least similarity (0 to 1) for two procedures to count as near-duplicates.")
    var threshold = 0.75
    /// `--json`.
    @Flag(help: "Print the groups as JSON.")
    var json = false
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A listing with default options.
    package init() {}

    /// Lists the groups; 0 whether or not there are any, 2 for bad input.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        guard threshold > 0, threshold <= 1 else {
            return stderr.reject(Diagnostic(CommandProblem.thresholdOutOfRange(threshold)), renderer)
        }
        let found: Library
        do {
            found = try Library.locate(override: library.path)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        let index = LibraryIndex(root: found.root)
        let summaries = index.documents.map(\.summary)
        let groups = SimilarityFinder(threshold: threshold).groups(summaries)
        if json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.integer("searched", summaries.count)
            writer.beginArray("groups")
            for group in groups {
                writer.beginObject()
                writer.raw("similarity", FindCommand.decimal(group.similarity))
                writer.string("keep", group.keep.name)
                writer.beginArray("procedures")
                for summary in [group.keep] + group.others { Self.write(summary, to: &writer) }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            stdout.write(writer.text + "\n")
        } else if groups.isEmpty {
            stdout.write("no near-duplicate procedures among \(summaries.count)\n")
        } else {
            for (number, group) in groups.enumerated() {
                if number > 0 { stdout.write("\n") }
                let all = [group.keep] + group.others
                stdout.write("\(all.count) procedures alike (\(FindCommand.percent(group.similarity)) similar):\n")
                let width = all.map(\.name.count).max() ?? 0
                for summary in all {
                    let mark = summary.path == group.keep.path ? "keep " : "merge"
                    let name = summary.name + String(repeating: " ", count: width - summary.name.count)
                    stdout.write("  \(mark)  \(name)  \(Self.record(summary))  \(summary.path)\n")
                }
                stdout.write("  to merge: procrun merge \(group.keep.name) \(group.others.map(\.name).joined(separator: " "))\n")
            }
        }
        stdout.flush()
        return ExitStatus.success
    }

    /// `success 95% of 20 runs, avg 1.20s`, or `never run`.
    static func record(_ summary: ProcedureSummary) -> String {
        guard summary.runs > 0 || summary.successRate != nil else { return "never run" }
        var text = "success \(FindCommand.percent(summary.successRate ?? 0)) of \(summary.runs) run\(summary.runs == 1 ? "" : "s")"
        if let average = summary.averageDurationMilliseconds { text += ", avg \(DurationText.format(milliseconds: average))" }
        return text
    }

    static func write(_ summary: ProcedureSummary, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("name", summary.name)
        writer.string("file", summary.path)
        writer.raw("success_rate", summary.successRate.map(FindCommand.decimal) ?? "null")
        writer.integer("runs", summary.runs)
        writer.integer("avg_duration_ms", summary.averageDurationMilliseconds)
        writer.endObject()
    }
}
