package import ProcrunLanguage
package import ProcrunRuntime
package import ProcrunText

/// Where new procedures are saved: `NAME.yaml` at the library's root, checked exactly as
/// `procrun check` would check it before anything is written, never overwriting silently. The one
/// way a new procedure file is written: by `procrun new`, `procrun record`, ``ProceduralMemory``
/// and MCP's `record_procedure` (``AgentRecorder``).
package struct ProcedureStore {
    /// The library.
    package var library: Library

    /// A store for a library.
    package init(library: Library) {
        self.library = library
    }

    /// The path `NAME.yaml` is saved at.
    package func path(for name: String) -> String {
        FileSystem.join(library.root, name + ".yaml")
    }

    /// How a save will go: where, with which version, and which old file moves to the archive.
    package struct Plan: Sendable {
        /// The file written.
        package var path: String
        /// The version the new procedure gets.
        package var version: Int
        /// The existing file and where it moves, for a new version.
        package var archive: (from: String, to: String)?
        /// Whether an existing file is replaced.
        package var replaces: Bool
    }

    /// Decides how `name` is saved under `policy`, or says why it cannot be.
    package func plan(_ name: String, policy: OverwritePolicy) throws(DiagnosticsError) -> Plan {
        guard NodeReader.isIdentifier(name) else {
            throw DiagnosticsError([Diagnostic(RecordingProblem.procedureName(found: name))])
        }
        let target = path(for: name)
        guard FileSystem.exists(target) else {
            if policy == .refuse, let other = LibraryIndex(root: library.root).documents.first(where: { $0.summary.name == name }) {
                throw DiagnosticsError([Diagnostic(RecordingProblem.existsElsewhere(name: name, other: other.path, target: target))])
            }
            return Plan(path: target, version: 1, archive: nil, replaces: false)
        }
        let old = ProcedureSummary.read(path: target)?.version ?? 1
        switch policy {
        case .refuse:
            throw DiagnosticsError([Diagnostic(RecordingProblem.exists(name: name, target: target, nextVersion: old + 1))])
        case .replace:
            return Plan(path: target, version: old, archive: nil, replaces: true)
        case .newVersion:
            let folder = FileSystem.join(library.root, LibraryLayout.archiveFolder)
            var archived = FileSystem.join(folder, "\(name).v\(old).yaml")
            var counter = 2
            while FileSystem.exists(archived) {
                archived = FileSystem.join(folder, "\(name).v\(old)-\(counter).yaml")
                counter += 1
            }
            return Plan(path: target, version: old + 1, archive: (target, archived), replaces: false)
        }
    }

    /// Checks `text` as the procedure at `path` would be checked by `procrun check`, the procedures
    /// it calls included. With `allowUnknownActions`, actions the library does not define are
    /// accepted (for agents whose own executor performs them).
    package func validate(_ text: String, at path: String, allowUnknownActions: Bool = false) throws(DiagnosticsError) -> Procedure? {
        let file = SourceFile(path: path, text: text)
        do {
            return try CallGraph(library: library).load(file)
        } catch {
            let remaining = error.diagnostics.filter { !(allowUnknownActions && $0.id == .unknownAction) }
            if !remaining.isEmpty { throw DiagnosticsError(remaining) }
            do {
                _ = try YAMLParser(file: file).parse()
            } catch {
                throw DiagnosticsError([error])
            }
            return nil
        }
    }

    /// Writes `text` as planned: moves the old version to the archive first, then writes atomically;
    /// only a plan that ``Plan/replaces`` the file writes over one (a file created meanwhile is
    /// never replaced).
    package func write(_ text: String, plan: Plan) throws(DiagnosticsError) {
        do {
            if let archive = plan.archive {
                try FileSystem.createDirectories(FileSystem.directory(of: archive.to))
                try FileSystem.rename(archive.from, to: archive.to)
            }
            try FileSystem.writeAtomically(Array(text.utf8), to: plan.path, locking: true, replacing: plan.replaces)
        } catch {
            throw DiagnosticsError([Diagnostic(RecordingProblem.fileOperation(reason: error.description))])
        }
    }

    /// Runs `text` once as a procedure saved beside the library's others would run, binding each
    /// secret input to its recorded value; the report says whether the replay succeeded.
    package func verify(_ text: String, name: String, secrets: [SecretInput], observer: (any RunObserver)? = nil) throws(DiagnosticsError) -> RunReport {
        let temporary = FileSystem.join(library.root, ".\(name).verify.yaml")
        do {
            try FileSystem.write(Array(text.utf8), to: temporary)
        } catch {
            throw DiagnosticsError([Diagnostic(RecordingProblem.fileOperation(reason: error.description))])
        }
        defer { try? FileSystem.remove(temporary) }
        let run = ProcedureRun(path: temporary, library: library)
        let procedure = try run.load()
        var values: [String: Value] = [:]
        for secret in secrets { values[secret.name] = .string(secret.value) }
        let inputs = try run.bind(values: values, to: procedure)
        return run.execute(procedure, inputs: inputs, observer: observer, learn: false).report
    }
}
