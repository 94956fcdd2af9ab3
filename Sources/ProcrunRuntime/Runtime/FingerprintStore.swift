import ProcrunText

/// The fingerprints of up-to-date checks (grammar.md, "Up-to-date checks"), kept in the library's
/// `.procrun/fingerprints/`: one small file per checked step or procedure and what it was given,
/// named by a hash of those, holding the fingerprint of its sources and definition after its
/// last successful run. Never in the procedure file, never in git (``ProcrunFolder``).
struct FingerprintStore {
    /// The subfolder of `.procrun` that holds them.
    static let folder = "fingerprints"
    /// The first word of a fingerprint file.
    static let header = "procrun-fingerprint 1 "

    /// The library's folder.
    let root: String

    /// The fingerprint last stored under `key`, nil when there is none.
    func fingerprint(_ key: String) -> String? {
        let path = FileSystem.join(FileSystem.join(FileSystem.join(root, ProcrunFolder.name), Self.folder), key)
        guard let bytes = try? FileSystem.read(path, limit: 1 << 10) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(Self.header) else { return nil }
        return String(text.dropFirst(Self.header.count).prefix { $0 != "\n" })
    }

    /// Stores `fingerprint` under `key`, through the one safe way of writing `.procrun/` files;
    /// a library that cannot be written to keeps none (the next run runs the step again).
    func store(_ fingerprint: String, as key: String) {
        guard let folder = try? ProcrunFolder.prepare(Self.folder, in: root) else { return }
        try? FileSystem.writeAtomically(Array((Self.header + fingerprint + "\n").utf8), to: FileSystem.join(folder, key))
    }
}
