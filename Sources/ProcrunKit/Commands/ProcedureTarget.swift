import ProcrunLanguage
import ProcrunText

/// Finds the procedure a command names: a file path, or a name looked up in the library of the
/// current folder (or `--library`).
package enum ProcedureTarget {
    /// The library of the current folder (``Library/locate(override:)``).
    package static func currentLibrary(override: String?) throws(DiagnosticsError) -> Library {
        try Library.locate(override: override)
    }

    /// The file and library for `argument`: a path when it names an existing file or ends in
    /// `.yaml`, else a procedure name.
    package static func resolve(_ argument: String, library override: String?) throws(DiagnosticsError) -> (path: String, library: Library) {
        if ProcedureIndex.isPath(argument) || FileSystem.entryKind(argument) == .file {
            guard FileSystem.exists(argument) else {
                throw DiagnosticsError([Diagnostic(LibraryProblem.missingFile(path: argument))])
            }
            let library = try Library.discover(forProcedureAt: argument, override: override)
            if case .refused(let problem) = ProcedureIndex(root: library.root).resolve(file: argument) {
                throw DiagnosticsError([problem])
            }
            return (argument, library)
        }
        let library = try currentLibrary(override: override)
        switch ProcedureIndex(root: library.root).resolve(argument) {
        case .found(let path, _): return (path, library)
        case .refused(let problem): throw DiagnosticsError([problem])
        }
    }

    /// The procedures a command that takes several works on: each argument a file or a name as
    /// ``resolve(_:library:)`` reads it, or a folder standing for its procedure files (by the
    /// library's rule, ``LibraryLayout``) and its `procrun.yaml`; no argument stands for the whole
    /// library.
    package static func expand(_ arguments: [String], library override: String?) throws(DiagnosticsError) -> [String] {
        let given = arguments.isEmpty ? [try currentLibrary(override: override).root] : arguments
        var paths: [String] = []
        for argument in given {
            guard FileSystem.isDirectory(argument) else {
                paths.append(argument)
                continue
            }
            let config = FileSystem.join(argument, Library.configName)
            if FileSystem.exists(config) { paths.append(config) }
            paths += LibraryLayout.files(under: argument).map(\.path)
        }
        return paths
    }
}
