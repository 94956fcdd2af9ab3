extension SourceFile {
    /// Reads a file procrun parses (a procedure, `procrun.yaml`): the one way every command reads
    /// one. A file that is not a regular file (a FIFO, `/dev/zero`) or is larger than the limit is
    /// refused before a byte is read, in an error at `1:1` that names what it is or its real size.
    package static func read(_ path: String, limits: YAMLLimits = .standard) throws(Diagnostic) -> SourceFile {
        do {
            return SourceFile(path: path, bytes: try FileSystem.read(path, limit: limits.maxBytes))
        } catch {
            let start = SourceLocation(line: 1, column: 1, offset: 0)
            switch error.refusal {
            case .tooLarge(let size)?:
                throw Diagnostic(YAMLProblem.fileTooLarge(size: size, limit: limits.maxBytes), path: path, at: start)
            case .notRegularFile(let kind)?:
                throw Diagnostic(YAMLProblem.notRegularFile(kind: kind), path: path, at: start)
            case nil:
                throw Diagnostic(YAMLProblem.unreadable(reason: error.description), path: path)
            }
        }
    }
}
