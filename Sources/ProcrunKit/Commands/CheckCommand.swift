/// `procrun check FILE...`: reads every file and reports every problem, running nothing.
public struct CheckCommand {
    /// The files to check.
    public var paths: [String]
    /// `--library DIR`.
    public var library: String?
    /// `--no-color`.
    public var noColor = false

    /// A check of the given files.
    public init(paths: [String]) {
        self.paths = paths
    }

    /// Checks; the result is 0 when every file is valid, 2 otherwise.
    public func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: !noColor && stderr.wantsColor)
        var problems = 0
        for path in paths {
            do {
                // A library's own procrun.yaml (as in `procrun check procedures/*.yaml`) is checked as one.
                if path == Library.configName || path.hasSuffix("/" + Library.configName) {
                    let config = try Library.load(config: path, root: FileSystem.directory(of: path))
                    let count = config.actions.count
                    stdout.write("ok: \(path): library with \(count) action\(count == 1 ? "" : "s")\n")
                    continue
                }
                let found = try Library.discover(forProcedureAt: path, override: library)
                if let config = found.configFile { renderer.add(config) }
                let procedure = try ProcedureLoader(library: found).load(path: path)
                stdout.write("ok: \(path): '\(procedure.name.value)', \(procedure.steps.count) step\(procedure.steps.count == 1 ? "" : "s")\n")
            } catch {
                if let bytes = try? FileSystem.read(path) { renderer.add(SourceFile(path: path, bytes: bytes)) }
                problems += error.diagnostics.count
                stderr.write(renderer.render(error.diagnostics))
            }
        }
        stdout.flush()
        if problems > 0 {
            stderr.write("\(problems) problem\(problems == 1 ? "" : "s") found in \(paths.count) file\(paths.count == 1 ? "" : "s")\n")
        }
        stderr.flush()
        return problems == 0 ? ExitStatus.success : ExitStatus.invalid
    }
}
