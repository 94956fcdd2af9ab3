package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun export --skills DIR`: writes the library as Agent Skills (see ``SkillsExporter``).
package struct ExportCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the library as Agent Skills: one folder per procedure with a SKILL.md.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// `--skills DIR`: where the skill folders go.
    @Option(help: ArgumentHelp("The folder the skill folders are written into.", valueName: "DIR"))
    var skills: String
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--json`: print `{"written": [...], "unchanged": [...]}` instead of a summary line.
    @Flag(help: "Print the files written and unchanged as JSON.")
    var json = false

    /// An export as the command line gives it (`--skills` is required).
    package init() {}

    /// Exports; 0, or 2 when the library cannot be read, a file cannot be written, or a procedure
    /// has problems (the others are still exported).
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: stderr.wantsColor)
        let found: Library
        do {
            found = try ProcedureTarget.currentLibrary(override: library.path)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        let result: (summary: SkillsExporter.Summary, problems: [Diagnostic])
        do {
            try FileSystem.createDirectories(skills)
            result = try SkillsExporter(library: found, destination: skills).export()
        } catch {
            return stderr.reject(Diagnostic(CommandProblem.fileOperation(reason: error.description)), renderer)
        }
        if json {
            let written = Value.list(result.summary.written.map(Value.string))
            let unchanged = Value.list(result.summary.unchanged.map(Value.string))
            let removed = Value.list(result.summary.removed.map(Value.string))
            let superseded = Value.list(result.summary.superseded.map(Value.string))
            stdout.write(Value.mapping(["written": written, "unchanged": unchanged, "removed": removed, "superseded": superseded]).jsonText + "\n")
        } else {
            var line = "exported to \(skills): \(result.summary.written.count) files written, \(result.summary.unchanged.count) unchanged"
            if !result.summary.removed.isEmpty { line += ", \(result.summary.removed.count) stale skill folders removed" }
            if !result.summary.superseded.isEmpty { line += ", \(result.summary.superseded.count) superseded left out (\(result.summary.superseded.joined(separator: ", ")))" }
            stdout.write(line + "\n")
        }
        stdout.flush()
        for path in Set(result.problems.compactMap(\.path)) {
            if let file = try? SourceFile.read(path) { renderer.add(file) }
        }
        stderr.write(renderer.render(result.problems))
        stderr.flush()
        return CommandFailure.exitStatus(of: result.problems.isEmpty ? nil : .invalid())
    }
}
