import Glibc

/// The runs a library keeps for resuming: `.procrun/runs/` inside the library (untracked: procrun
/// writes a `.gitignore` there), the last ``kept`` runs of each procedure, one JSON file each.
package struct RunStore: Sendable {
    /// The library folder.
    package var root: String
    /// How many runs of one procedure are kept.
    static let kept = 5
    /// The folder inside the library.
    static let folder = ".procrun/runs"

    /// The store of the library at `root`.
    package init(root: String) {
        self.root = root
    }

    /// The folder of one procedure's runs.
    private func folder(for procedure: String) -> String {
        FileSystem.join(FileSystem.join(root, Self.folder), procedure)
    }

    /// Keeps `record`, dropping the oldest runs of its procedure beyond ``kept``. A failure to keep
    /// it is returned as a message (the run's result stands).
    func save(_ record: RunRecord) -> String? {
        let folder = folder(for: record.procedure)
        do {
            try FileSystem.createDirectories(folder)
            let ignore = FileSystem.join(FileSystem.join(root, ".procrun"), ".gitignore")
            if !FileSystem.exists(ignore) { try FileSystem.writeAtomically(Array("# procrun's own files: caches and run records\n*\n".utf8), to: ignore) }
            let name = record.started.filter { $0.isNumber } + "-\(getpid()).json"
            try FileSystem.writeAtomically(Array(record.jsonText.utf8), to: FileSystem.join(folder, name))
        } catch {
            return error.description
        }
        for old in files(of: record.procedure).dropLast(Self.kept) { _ = unlink(FileSystem.join(folder, old)) }
        return nil
    }

    /// The run files of a procedure, oldest first.
    private func files(of procedure: String) -> [String] {
        ((try? FileSystem.contents(of: folder(for: procedure))) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The newest kept run of the procedure whose file is `key`.
    package func last(of procedure: String, key: String) -> RunRecord? {
        for name in files(of: procedure).reversed() {
            guard let bytes = try? FileSystem.read(FileSystem.join(folder(for: procedure), name)),
                let record = RunRecord(jsonText: String(decoding: bytes, as: UTF8.self)), record.key == key
            else { continue }
            return record
        }
        return nil
    }
}
