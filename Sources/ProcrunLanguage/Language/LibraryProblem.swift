import ProcrunText

/// Every problem of where things are in a library (the folder `--library` names, a procedure
/// reference or a file and where it leads, a name two files claim), with the data its message
/// needs: ``described`` writes all of these messages and picks their ids. What a file says is
/// ``LanguageProblem``'s.
package enum LibraryProblem: DiagnosticMessage {
    /// A `--library` that is not a folder.
    case notAFolder(library: String)
    /// A reference with a control character in it.
    case controlCharacter(reference: String)
    /// A reference written as an absolute path.
    case absoluteReference(reference: String, root: String)
    /// A reference whose `..` leave the library folder.
    case leavesLibrary(reference: String, root: String)
    /// A reference to a path that is no procedure file of the library.
    case noSuchFile(reference: String, root: String)
    /// A reference that a symbolic link takes outside the library folder.
    case outsideThroughLink(reference: String, root: String)
    /// A file named on the command line that does not exist.
    case missingFile(path: String)
    /// A file named on the command line that is a folder.
    case notAProcedureFile(path: String)
    /// A file named on the command line outside the library folder (`link`: through a symbolic link).
    case fileOutsideLibrary(path: String, root: String, link: Bool)
    /// A reference that is neither a name nor a path.
    case invalidReference(found: String)
    /// A name no procedure of the library has; `known` are the names it has.
    case noSuchProcedure(name: String, root: String, known: [String])
    /// A name more than one file claims (`paths`, when known).
    case nameClaimed(name: String, paths: [String]?)
    /// An internal procedure started on its own; `callers` are the procedures that call it.
    case internalProcedure(name: String, callers: [String])
    /// An internal procedure that no procedure of the library calls (a warning).
    case internalNeverCalled(name: String)
    /// An `include:` folder with neither a `procrun.yaml` nor a procedure file.
    case includeHoldsNoLibrary(prefix: String, path: String)
    /// Libraries that include each other: `chain` goes from a library back to itself.
    case includeCycle(chain: [String])
    /// A `PREFIX:NAME` whose prefix the library does not include; `known` are its prefixes.
    case noSuchPrefix(name: String, prefix: String, root: String, known: [String])

    var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .notAFolder(let library): (.libraryNotFound, "--library '\(library)' is not a folder")
        case .controlCharacter(let reference): (.procedureReference, "procedure reference '\(reference.excerpt(60))' contains a control character")
        case .absoluteReference(let reference, let root):
            (.outsideLibrary, "procedure reference '\(reference)' is an absolute path; a reference is a procedure name or a path inside the library folder '\(root)'")
        case .leavesLibrary(let reference, let root): (.outsideLibrary, "procedure reference '\(reference)' leaves the library folder '\(root)'")
        case .noSuchFile(let reference, let root): (.procedureReference, "no procedure file '\(reference)' in the library folder '\(root)'")
        case .outsideThroughLink(let reference, let root):
            (.outsideLibrary, "procedure reference '\(reference)' resolves outside the library folder '\(root)' (through a symbolic link)")
        case .missingFile(let path): (.procedureReference, "cannot read '\(path)': no such file or directory")
        case .notAProcedureFile(let path): (.procedureReference, "'\(path)' is not a procedure file")
        case .fileOutsideLibrary(let path, let root, let link):
            (.outsideLibrary, "'\(path)' is outside the library folder '\(root)'" + (link ? " (through a symbolic link)" : ""))
        case .invalidReference(let found): (.procedureReference, "expected a procedure name or a path inside the library for 'procedure', found '\(found.excerpt(60))'")
        case .noSuchProcedure(let name, let root, let known):
            (.procedureReference, "no procedure named '\(name)' in the library folder '\(root)'\(Suggestion.hint(for: name, in: known))")
        case .nameClaimed(let name, let paths):
            (
                .procedureReference,
                "procedure name '\(name)' is claimed by more than one file"
                    + (paths.map { " (\($0.joined(separator: " and "))); names must be unique in a library" } ?? "")
            )
        case .internalProcedure(let name, let callers):
            (
                .internalProcedure,
                "procedure '\(name)' is internal: it runs only when another procedure calls it ("
                    + (callers.isEmpty ? "no procedure of the library calls it" : "called by " + callers.map { "'\($0)'" }.joined(separator: ", ")) + ")"
            )
        case .internalNeverCalled(let name):
            (.internalProcedure, "procedure '\(name)' is internal, but no procedure of the library calls it, so it never runs")
        case .includeHoldsNoLibrary(let prefix, let path):
            (.libraryNotFound, "the folder '\(path)' of include '\(prefix)' holds no library: neither a \(Library.configName) nor a procedure file")
        case .includeCycle(let chain):
            (.includeCycle, "include cycle: \(chain.joined(separator: " › ")); a library may not include itself, directly or through others")
        case .noSuchPrefix(let name, let prefix, let root, let known):
            (
                .procedureReference,
                "no procedure named '\(name)': the library folder '\(root)' includes no library as '\(prefix)'"
                    + (known.isEmpty ? " (it has no 'include')" : Suggestion.hint(for: prefix, in: known))
            )
        }
    }

    /// The note at an `include:` entry on the way to an include cycle.
    static func includedHere(prefix: String) -> String { "included here as '\(prefix)'" }

    /// The note at each other file that claims a name.
    static let alsoClaimedHere = "also claimed here"
}
