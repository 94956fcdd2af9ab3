/// Finds the procedure a command names: a file path, or a name looked up in the library of the
/// current folder (or `--library`).
public enum ProcedureTarget {
    /// The library of the current folder: the nearest folder at or above it holding
    /// `procrun.yaml`, else the current folder; `override` wins.
    public static func currentLibrary(override: String?) throws(DiagnosticsError) -> Library {
        // `discover` takes a procedure's path and starts from its folder: here, the current one.
        try Library.discover(forProcedureAt: "./procedure", override: override)
    }

    /// The file and library for `argument`: a path when it names an existing file or ends in
    /// `.yaml`, else a procedure name.
    public static func resolve(_ argument: String, library override: String?) throws(DiagnosticsError) -> (path: String, library: Library) {
        if ProcedureIndex.isPath(argument) || FileSystem.entryKind(argument) == .file {
            guard FileSystem.exists(argument) else {
                throw DiagnosticsError([Diagnostic(.error, "cannot read '\(argument)': no such file or directory")])
            }
            return (argument, try Library.discover(forProcedureAt: argument, override: override))
        }
        let library = try currentLibrary(override: override)
        switch ProcedureIndex(root: library.root).resolve(argument) {
        case .found(let path, _): return (path, library)
        case .refused(let message): throw DiagnosticsError([Diagnostic(.error, message)])
        }
    }
}
