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
    /// `.yaml`, else a procedure name. `starting`: the procedure is to be run on its own, which
    /// an internal one may not be (``Library/refusalToStart(_:index:)``).
    package static func resolve(
        _ argument: String, library override: String?, starting: Bool = false
    ) throws(DiagnosticsError) -> (path: String, library: Library) {
        let (path, library, index) = try find(argument, library: override)
        if starting, let refusal = library.refusalToStart(path, index: index) { throw DiagnosticsError([refusal]) }
        return (path, library)
    }

    /// The file, library and library index for `argument`, as ``resolve(_:library:starting:)``
    /// reads it: for a procedure of a library the library includes (`docs:build`, or a file in
    /// that library's folder), that library and its index, whose configuration it runs with.
    private static func find(_ argument: String, library override: String?) throws(DiagnosticsError) -> (String, Library, ProcedureIndex) {
        if ProcedureIndex.isPath(argument) || FileSystem.entryKind(argument) == .file {
            guard FileSystem.exists(argument) else {
                throw DiagnosticsError([Diagnostic(LibraryProblem.missingFile(path: argument))])
            }
            let library = try Library.discover(forProcedureAt: argument, override: override)
            let index = ProcedureIndex(library: library)
            switch index.resolve(file: argument) {
            case .found(_, let key):
                let owner = index.owner(ofKey: key)
                return (argument, owner.library, owner)
            case .refused(let problem): throw DiagnosticsError([problem])
            }
        }
        let library = try currentLibrary(override: override)
        let index = ProcedureIndex(library: library)
        switch index.resolve(argument) {
        case .found(let path, let key):
            let owner = index.owner(ofKey: key)
            return (path, owner.library, owner)
        case .refused(let problem): throw DiagnosticsError([problem])
        }
    }

    /// The procedures a command that takes several works on: each argument a file or a name as
    /// ``resolve(_:library:)`` reads it, or a folder standing for its procedure files (by the
    /// library's rule, ``LibraryLayout``) and its `procrun.yaml`; no argument stands for the whole
    /// library, with the libraries it includes (each file once).
    package static func expand(_ arguments: [String], library override: String?) throws(DiagnosticsError) -> [String] {
        let given = arguments.isEmpty ? try currentLibrary(override: override).withIncluded.map(\.root) : arguments
        var paths: [String] = []
        var seen: Set<String> = []
        for argument in given where arguments.isEmpty ? seen.insert(CallGraph.key(of: argument)).inserted : true {
            guard FileSystem.isDirectory(argument) else {
                paths.append(argument)
                continue
            }
            let config = FileSystem.join(argument, Library.configName)
            if FileSystem.exists(config) { paths.append(config) }
            paths += LibraryLayout.files(under: argument).map(\.path).filter { arguments.isEmpty ? seen.insert(CallGraph.key(of: $0)).inserted : true }
        }
        return paths
    }
}
