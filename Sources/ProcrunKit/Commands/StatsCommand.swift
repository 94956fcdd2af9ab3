/// `procrun stats [PATH...] [--json]`: a table of procedures' recorded runs; for a single procedure,
/// its steps too, with failing and slow ones marked.
public struct StatsCommand {
    /// Procedure files, or folders whose `*.yaml` / `*.yml` procedures are listed (default: `.`).
    public var paths: [String] = []
    /// `--json`: one JSON object on standard output.
    public var json = false
    /// `--no-color`.
    public var noColor = false

    /// A listing of the given paths.
    public init(paths: [String] = []) {
        self.paths = paths
    }

    /// Lists; 0 on success, 2 when a path cannot be read.
    public func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: !noColor && stderr.wantsColor)
        var documents: [StatsDocument] = []
        var failed = false
        for path in paths.isEmpty ? ["."] : paths {
            let folder = FileSystem.isDirectory(path)
            let files = folder ? Self.procedureFiles(in: path) : [path]
            for file in files {
                do {
                    let document = try StatsDocument(path: file)
                    if document.isProcedure || !folder { documents.append(document) }
                } catch {
                    // In a folder, files that are not procedures are passed over silently.
                    if !folder {
                        failed = true
                        stderr.write(renderer.render(error))
                    }
                }
            }
        }
        let rows = documents.map(StatsRow.init)
        if json {
            stdout.write(StatsRow.json(rows))
        } else {
            stdout.write(rows.isEmpty ? "no procedures found\n" : StatsRow.table(rows, withSteps: rows.count == 1))
        }
        stdout.flush()
        stderr.flush()
        return failed ? ExitStatus.invalid : ExitStatus.success
    }

    /// The `.yaml` and `.yml` files directly in `folder`, except `procrun.yaml`.
    static func procedureFiles(in folder: String) -> [String] {
        let names = (try? FileSystem.contents(of: folder)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "procrun.yaml" && !$0.hasPrefix(".") }
            .map { FileSystem.join(folder, $0) }
    }
}
