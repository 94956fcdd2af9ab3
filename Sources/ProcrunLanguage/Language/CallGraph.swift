package import ProcrunText

/// The procedures a run or a check needs: the one named on the command line and every procedure
/// it calls, each loaded once (a diamond loads its shared callee once), with call cycles found
/// before anything runs.
///
/// Loading is depth-first: while a procedure is being read, the procedures it calls are read, so
/// a caller's templates are checked against its callees' inputs and outputs. A callee already
/// being read when it is called again closes a cycle, reported at the call that closes it with
/// the whole chain.
package final class CallGraph {
    /// The library every procedure of the graph uses (the root procedure's).
    package let library: Library
    /// Finds callees by name.
    package let index: ProcedureIndex
    /// `--adapt` overrides, applied to the root procedure only.
    package let adaptations: [Adaptation]
    /// The environment templates are checked against.
    package let environment: [String: String]
    /// Every procedure loaded without problems, by ``ProcedureIndex/Entry/key``.
    package private(set) var procedures: [String: Procedure] = [:]
    /// The key of the root procedure, once loaded.
    package private(set) var rootKey: String?
    /// Problems found in called files (the root's own are thrown by ``load(path:)``).
    package private(set) var diagnostics: [Diagnostic] = []
    /// The files read, for quoting their lines in diagnostics.
    package private(set) var sources: [SourceFile] = []

    /// The warnings of every procedure loaded, by file and position.
    package var warnings: [Diagnostic] {
        procedures.values.flatMap(\.warnings).sorted {
            ($0.path ?? "", $0.location?.offset ?? 0) < ($1.path ?? "", $1.location?.offset ?? 0)
        }
    }

    private var failures: [String: [Diagnostic]] = [:]
    private var loading: [Frame] = []
    /// The index of the library each procedure loaded belongs to, by key, when it is not
    /// ``index``'s own (a procedure of an included library).
    private var owners: [String: ProcedureIndex] = [:]

    /// The deepest nesting of procedure calls, before the run and during it.
    package static let depthLimit = 32

    /// One procedure being read, and the call that led to it.
    private struct Frame {
        var key: String
        var name: String
        var callSite: Diagnostic.Note?
        /// Whether the call that led here is an entry of a `needs:` list.
        var viaNeed = false
        /// The index of the procedure's library, where the names it is written with are looked up.
        var index: ProcedureIndex
    }

    /// What a caller learns about a callee while it is compiled.
    enum Lookup {
        /// The callee loaded without problems.
        case found(ProcedureSignature)
        /// The callee has problems, reported on their own.
        case unavailable
        /// The reference itself is wrong; the problem was added to the caller's diagnostics.
        case invalid
    }

    /// A graph over `library`, with nothing read yet.
    /// `index` may be shared by graphs over the same library (it is scanned once).
    package init(
        library: Library, index: ProcedureIndex? = nil, adaptations: [Adaptation] = [], environment: [String: String] = FileSystem.environment()
    ) {
        self.library = library
        self.index = index ?? ProcedureIndex(library: library)
        self.adaptations = adaptations
        self.environment = environment
    }

    /// The index of the library of the file being compiled now (nil between loads).
    var loadingIndex: ProcedureIndex? { loading.last?.index }

    /// The index of the (included) library the procedure loaded as `key` belongs to; nil for one of
    /// ``index``'s own.
    func owner(ofKey key: String) -> ProcedureIndex? { owners[key] }

    /// Whether any procedure loaded belongs to an included library (when none does, every one
    /// runs with ``library``, and no file's key need be worked out to say so).
    var hasIncludedProcedures: Bool { !owners.isEmpty }

    /// The key of a file: its absolute path with symbolic links resolved.
    package static func key(of path: String) -> String {
        FileSystem.realPath(path) ?? FileSystem.absolute(path)
    }

    /// Loads the procedure at `path` and every procedure it calls, throwing every problem found in
    /// any of those files (the root's first).
    package func load(path: String) throws(DiagnosticsError) -> Procedure {
        let key = Self.key(of: path)
        if let done = procedures[key] {
            rootKey = key
            return done
        }
        return try loadRoot(key: key) { read(path: path, key: key, callSite: nil, adaptations: adaptations, problems: &$0) }
    }

    /// Loads `file`, a procedure not (or not yet) written at its path, and every procedure it
    /// calls, as ``load(path:)`` does: how a procedure about to be saved is checked.
    package func load(_ file: SourceFile) throws(DiagnosticsError) -> Procedure {
        let key = Self.key(of: file.path)
        return try loadRoot(key: key) { compile(file, key: key, callSite: nil, adaptations: adaptations, problems: &$0) }
    }

    /// The root procedure `compileRoot` loads, or every problem found in it and its callees.
    private func loadRoot(key: String, _ compileRoot: (inout [Diagnostic]) -> Procedure?) throws(DiagnosticsError) -> Procedure {
        rootKey = key
        var problems: [Diagnostic] = []
        let loaded = compileRoot(&problems)
        problems += diagnostics.filter { !problems.contains($0) }
        guard let loaded, problems.isEmpty else { throw DiagnosticsError(problems) }
        return loaded
    }

    /// The procedure a run-time reference (a rendered template) in `caller` names, loading it if
    /// needed.
    package func loadAtRunTime(_ reference: String, from caller: Procedure? = nil) -> Result<Procedure, Diagnostic> {
        let path: String
        let key: String
        let scope = caller.map { self.index(of: $0) } ?? index
        switch scope.resolve(reference) {
        case .refused(let problem): return .failure(problem)
        case .found(let found, let foundKey): (path, key) = (found, foundKey)
        }
        if procedures[key] == nil, failures[key] == nil {
            let before = diagnostics.count
            var problems: [Diagnostic] = []
            if read(path: path, key: key, callSite: nil, owner: scope.owner(ofKey: key), adaptations: [], problems: &problems) != nil, diagnostics.count > before {
                failures[key] = Array(diagnostics[before...])
            }
        }
        if let procedure = procedures[key], failures[key] == nil { return .success(procedure) }
        let problems = failures[key] ?? []
        let first = problems.first.map(DiagnosticRenderer.line) ?? "it has errors"
        return .failure(Diagnostic(LanguageProblem.calleeInvalid(reference: reference, first: first, more: max(0, problems.count - 1), path: path)))
    }

    /// Resolves a callee written literally in `file` while that file is compiled; `need` when the
    /// reference is an entry of a `needs:` list.
    func callee(_ reference: Located<String>, from file: SourceFile, need: Bool = false, reader: inout NodeReader) -> Lookup {
        let path: String
        let key: String
        let scope = self.scope
        switch scope.resolve(reference.value) {
        case .refused(let problem):
            // The problem is the reference's, at the step that writes it; a clash keeps its notes.
            var placed = problem
            (placed.path, placed.location) = (file.path, reference.location)
            reader.append([placed])
            return .invalid
        case .found(let found, let foundKey): (path, key) = (found, foundKey)
        }
        let site = Diagnostic.Note.at(reference.location, in: file, LanguageProblem.calledFromHere)
        if let start = loading.firstIndex(where: { $0.key == key }) {
            reportCycle(from: start, closedBy: reference, need: need, in: file, reader: &reader)
            return .invalid
        }
        if let done = procedures[key] { return .found(ProcedureSignature(done, key: key)) }
        if failures[key] != nil { return .unavailable }
        if loading.count >= Self.depthLimit {
            reader.error(.callTooDeep(limit: Self.depthLimit, chain: loading.map(\.name) + [reference.value]), at: reference.location)
            return .invalid
        }
        var problems: [Diagnostic] = []
        guard let loaded = read(path: path, key: key, callSite: site, viaNeed: need, owner: scope.owner(ofKey: key), adaptations: [], problems: &problems) else {
            var noted = problems
            // (A cycle's diagnostic already has a note at this call.)
            if !noted.isEmpty, !noted[0].notes.contains(where: { $0.path == site.path && $0.location == site.location }) {
                noted[0].notes.append(site)
            }
            diagnostics += noted
            failures[key] = noted
            return .unavailable
        }
        return .found(ProcedureSignature(loaded, key: key))
    }

    /// Reads and compiles one file, with its callees; its own problems go to `problems`.
    private func read(
        path: String, key: String, callSite: Diagnostic.Note?, viaNeed: Bool = false, owner: ProcedureIndex? = nil, adaptations: [Adaptation],
        problems: inout [Diagnostic]
    ) -> Procedure? {
        let file: SourceFile
        do {
            file = try SourceFile.read(path)
        } catch {
            problems = [error]
            failures[key] = problems
            return nil
        }
        return compile(file, key: key, callSite: callSite, viaNeed: viaNeed, owner: owner, adaptations: adaptations, problems: &problems)
    }

    /// Compiles one file read, with its callees; its own problems go to `problems`.
    private func compile(
        _ file: SourceFile, key: String, callSite: Diagnostic.Note?, viaNeed: Bool = false, owner: ProcedureIndex? = nil, adaptations: [Adaptation],
        problems: inout [Diagnostic]
    ) -> Procedure? {
        sources.append(file)
        let name = ProcedureIndex.declaredName(in: file.bytes)?.0 ?? file.path
        let owner = owner ?? index.owner(ofKey: key)
        if owner !== index { owners[key] = owner }
        loading.append(Frame(key: key, name: name, callSite: callSite, viaNeed: viaNeed, index: owner))
        defer { loading.removeLast() }
        let loader = ProcedureLoader(library: owner === index ? library : owner.library, adaptations: adaptations, environment: environment, graph: self)
        do {
            let procedure = try loader.load(file)
            procedures[key] = procedure
            return procedure
        } catch {
            problems = error.diagnostics
            failures[key] = problems
            return nil
        }
    }

    /// Reports the cycle `loading[start...]` that `reference` (an entry of `needs:` when `need`)
    /// closes, at that reference, with a note at each call or need on it.
    private func reportCycle(from start: Int, closedBy reference: Located<String>, need: Bool, in file: SourceFile, reader: inout NodeReader) {
        let frames = Array(loading[start...])
        var notes: [Diagnostic.Note] = []
        for (caller, callee) in zip(frames, frames.dropFirst()) {
            var note = callee.callSite ?? Diagnostic.Note("")
            note.message = LanguageProblem.calls(caller.name, callee.name, need: callee.viaNeed)
            notes.append(note)
        }
        notes.append(Diagnostic.Note(LanguageProblem.calls(frames[frames.count - 1].name, frames[0].name, closing: true, need: need)))
        if start > 0 {
            notes.append(Diagnostic.Note(LanguageProblem.cycleReached(through: loading[...start].map(\.name))))
        }
        let throughNeeds = need || frames.dropFirst().contains(where: \.viaNeed)
        reader.error(.callCycle(chain: frames.map(\.name) + [frames[0].name], needs: throughNeeds), at: reference.location, notes: notes)
    }
}
