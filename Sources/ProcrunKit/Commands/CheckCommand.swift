package import ArgumentParser
import ProcrunLanguage
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// `procrun check [PROCEDURE...]`: reads every procedure named (files, names, folders; none: the
/// whole library) and reports every problem, running nothing.
package struct CheckCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check procedure files without running them; report every problem."
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedures to check: files, names in the library, or folders (none: the whole library).
    @Argument(help: "Procedure names, files or folders (default: the whole library).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String] = []
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--executor COMMAND`: actions nothing else defines are left to it (as `run --executor` does).
    @Option(help: ArgumentHelp("Accept actions nothing else defines, as run --executor COMMAND would run them.", valueName: "COMMAND"))
    var executor: String?
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A check of the whole library, no option given.
    package init() {}

    /// Checks; the result is 0 when every file is valid, 2 otherwise.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        renderer.workflowCommands = WorkflowCommand.isOn
        var problems = 0
        // A problem in a file that several of the given files call is reported once.
        var reported: Set<Diagnostic> = []
        var indexes: [String: ProcedureIndex] = [:]
        let paths: [String]
        do {
            paths = try ProcedureTarget.expand(files, library: library.path)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        for path in paths {
            var graph: CallGraph?
            do {
                // A library's own procrun.yaml (as in `procrun check procedures/*.yaml`) is checked as one.
                if path == Library.configName || path.hasSuffix("/" + Library.configName) {
                    let config = try Library.load(config: path, root: FileSystem.directory(of: path))
                    let count = config.actions.count
                    stdout.write("ok: \(path): library with \(count) action\(count == 1 ? "" : "s")\n")
                    continue
                }
                let (file, located) = try ProcedureTarget.resolve(path, library: library.path)
                var found = located
                if let executor { found.executor = ExternalCommand(line: executor, workingDirectory: FileSystem.currentDirectory()) }
                if let config = found.configFile { renderer.add(config) }
                let index = indexes[found.root] ?? ProcedureIndex(root: found.root)
                indexes[found.root] = index
                let calls = CallGraph(library: found, index: index)
                graph = calls
                let procedure = try calls.load(path: file)
                let called = calls.procedures.count - 1
                let callNote = called > 0 ? ", calls \(called) procedure\(called == 1 ? "" : "s")" : ""
                // Counted as a run counts them: a group's steps and `finally` steps too.
                let steps = procedure.stepCount
                stdout.write("ok: \(file): '\(procedure.name.value)', \(steps) step\(steps == 1 ? "" : "s")\(callNote)\n")
                let warnings = calls.warnings
                if !warnings.isEmpty {
                    for file in calls.sources { renderer.add(file) }
                    stderr.write(renderer.render(warnings))
                }
                if path == paths.last { ProcessLifetime.keepUntilExit((calls, procedure)) }
            } catch {
                // A file with git's conflict markers is reported by the parser, naming 'procrun resolve'.
                let diagnostics = error.diagnostics
                if let file = try? SourceFile.read(path) { renderer.add(file) }
                for file in graph?.sources ?? [] { renderer.add(file) }
                let fresh = diagnostics.filter { reported.insert($0).inserted }
                problems += max(fresh.count, diagnostics.isEmpty ? 0 : 1)
                stderr.write(renderer.render(fresh))
            }
        }
        stdout.flush()
        if problems > 0 {
            stderr.write("\(problems) problem\(problems == 1 ? "" : "s") found in \(paths.count) file\(paths.count == 1 ? "" : "s")\n")
        }
        stderr.flush()
        return CommandFailure.exitStatus(of: problems == 0 ? nil : .invalid())
    }
}
