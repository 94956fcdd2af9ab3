/// `procrun merge-driver BASE OURS THEIRS [MARKER-SIZE] [PATH]`: git's custom merge driver for
/// procedure files (`%O %A %B %L %P`). Writes the merge into OURS; exits 0 when clean, 1 when the
/// authored part has conflicts (left marked in the file), 2 when the merge could not be done.
public struct MergeDriverCommand {
    /// The common ancestor's temporary file (`%O`).
    public var base: String
    /// The current branch's temporary file, which receives the result (`%A`).
    public var ours: String
    /// The other branch's temporary file (`%B`).
    public var theirs: String
    /// The conflict marker length (`%L`).
    public var markerSize = 7
    /// The file's path in the repository (`%P`), for messages.
    public var path: String?

    /// A driver run on three files.
    public init(base: String, ours: String, theirs: String) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// Merges; the result is the exit code git expects.
    public func execute(stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: false)
        let name = path ?? ours
        do throws(Diagnostic) {
            var merger = StatsMerger(base: try read(base, as: name), ours: try read(ours, as: name), theirs: try read(theirs, as: name))
            merger.markerSize = markerSize
            let result = try merger.merge()
            do {
                try FileSystem.write(result.bytes, to: ours)
            } catch {
                throw Diagnostic(.error, error.description, path: name)
            }
            if result.conflicted {
                stderr.write("\(name): the stats were merged; the rest of the file has conflicts to resolve\n")
            }
            stderr.flush()
            return result.conflicted ? ExitStatus.failed : ExitStatus.success
        } catch {
            return stderr.reject(error, renderer)
        }
    }

    private func read(_ file: String, as name: String) throws(Diagnostic) -> SourceFile {
        let read = try SourceFile.read(file)
        return SourceFile(path: name, bytes: read.bytes)
    }
}
