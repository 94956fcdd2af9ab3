import Glibc
package import ProcrunText
import SwiftOverlayShims

/// Which files of a library folder are procedures: the one rule every command, the MCP server and
/// the Swift API use (grammar.md, "The library").
///
/// Every file ending in `.yaml` or `.yml` under the root, subfolders included, that looks like a
/// procedure (``looksLikeProcedure(_:)``: top-level `name:` and `steps:` lines), except
/// `procrun.yaml`, anything whose name starts with `.`, and the root's `archive/` folder (where old
/// versions go); other YAML (a GitHub workflow, a tool's configuration) is never read as one. Folders reached through symbolic links are not entered (they could lead back up
/// or out); a symbolic link to a file counts only when it leads to a regular file inside the
/// library. The search stops 16 folders deep and after 100,000 files.
package enum LibraryLayout {
    /// A procedure file of a library.
    package struct File: Sendable {
        /// Its path as messages show it: the root joined with ``relativePath``.
        package var path: String
        /// Its path inside the library.
        package var relativePath: String
        /// Its absolute path with symbolic links resolved: how files are told apart.
        var key: String
        /// What `stat` says about it (after links).
        package var status: FileStatus
    }

    /// The folder inside a library that old versions and archived procedures move to.
    package static let archiveFolder = "archive"
    /// How deep folders are searched.
    static let depthLimit = 16
    /// The most procedure files one library holds.
    static let fileLimit = 100_000

    /// Whether a file name is a procedure's (by its name alone).
    static func isProcedureName(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != Library.configName && !name.hasPrefix(".")
    }

    /// Whether a path inside a library (relative to its root, `/`-separated) is one a procedure
    /// file may have by its name and place: what ``candidates(under:)`` would offer, for a path
    /// that need not exist (one read from git's history).
    package static func isProcedurePath(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        guard let name = parts.last, parts.count <= depthLimit + 1, isProcedureName(String(name)) else { return false }
        if parts.count > 1, parts[0] == archiveFolder { return false }
        return !parts.contains { $0.hasPrefix(".") }
    }

    /// Whether the file at `path` looks like a procedure: it has a top-level `name:` line and a
    /// top-level `steps:` line (each starting in column 1), read without parsing, so a procedure
    /// with a mistake still counts and is reported. A file that cannot be read counts (reading it
    /// as a procedure says why).
    static func looksLikeProcedure(_ path: String) -> Bool {
        guard let bytes = try? FileSystem.read(path, limit: ProcedureIndex.sizeLimit) else { return true }
        return looksLikeProcedure(bytes)
    }

    /// Whether a file's bytes have a top-level `name:` line and a top-level `steps:` line: what a
    /// reader of ``candidates(under:)`` that reads the bytes anyway asks instead of reading twice.
    package static func looksLikeProcedure(_ bytes: [UInt8]) -> Bool {
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var named = false
        var stepped = false
        while offset < bytes.count {
            let end = ProcedureIndex.Header.lineEnd(bytes, from: offset)
            let first = bytes[offset]
            if first == UInt8(ascii: "n") || first == UInt8(ascii: "s") {
                let line = bytes[offset..<end]
                if ProcedureIndex.Header.starts(line, with: "name:") { named = true } else if ProcedureIndex.Header.starts(line, with: "steps:") { stepped = true }
                if named, stepped { return true }
            }
            offset = end + 1
        }
        return false
    }

    /// Each procedure file under `root`, sorted by path: the ``candidates(under:)`` that
    /// ``looksLikeProcedure(_:)``.
    package static func files(under root: String) -> [File] {
        candidates(under: root).filter { looksLikeProcedure($0.key) }
    }

    /// Each file under `root` that may be a procedure by its name and place, sorted by path, its
    /// content not read yet: a caller that reads the bytes (the name index, the search index)
    /// keeps those for which ``looksLikeProcedure(_:)`` holds, and so reads each file once, and
    /// the search index not at all for a file its cache knows unchanged.
    package static func candidates(under root: String) -> [File] {
        guard let rootKey = FileSystem.realPath(root) else { return [] }
        var found: [File] = []
        var pending: [(folder: String, relative: String)] = [(root, "")]
        while let (folder, relative) = pending.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            let depth = relative.isEmpty ? 0 : relative.split(separator: "/").count
            while found.count < fileLimit, let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = FileSystem.join(folder, name)
                let inside = relative.isEmpty ? name : relative + "/" + name
                let type = entry.pointee.d_type
                if type == UInt8(DT_DIR) {
                    if !(relative.isEmpty && name == archiveFolder), depth < depthLimit { pending.append((path, inside)) }
                    continue
                }
                guard isProcedureName(name), type == UInt8(DT_REG) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN),
                    let status = FileStatus.of(path), status.isRegularFile
                else { continue }
                if type == UInt8(DT_REG) {
                    found.append(File(path: path, relativePath: inside, key: rootKey == "/" ? "/" + inside : rootKey + "/" + inside, status: status))
                } else if let key = FileSystem.realPath(path), contains(key, rootKey: rootKey) {
                    found.append(File(path: path, relativePath: inside, key: key, status: status))
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Whether `path` (absolute, or relative to the current folder; it need not exist yet) lies
    /// inside the folder `root` once `.`, `..` and the symbolic links of its existing part are
    /// resolved: the one answer to "does this path stay inside the library".
    static func holds(_ path: String, root: String) -> Bool {
        guard let rootKey = FileSystem.realPath(root), let whole = resolved(path) else { return false }
        return whole == rootKey || contains(whole, rootKey: rootKey)
    }

    /// `path` made absolute with `.`, `..` and the symbolic links of its existing part resolved
    /// (it need not exist yet).
    private static func resolved(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in FileSystem.absolute(path).split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        var missing: [Substring] = []
        while true {
            let existing = "/" + parts.joined(separator: "/")
            if let key = FileSystem.realPath(existing) {
                return missing.isEmpty ? key : (key == "/" ? "" : key) + "/" + missing.reversed().joined(separator: "/")
            }
            guard let last = parts.popLast() else { return nil }
            missing.append(last)
        }
    }

    /// What `path` is when it names one of the library's own files, which a step may not write
    /// unless it says so: its `procrun.yaml`, an existing procedure file, or anything under a
    /// `.procrun/` folder (runs, locks, caches); nil for any other path.
    static func ownFile(_ path: String, root: String) -> String? {
        guard let rootKey = FileSystem.realPath(root), let whole = resolved(path), contains(whole, rootKey: rootKey) else { return nil }
        let inside = whole.dropFirst(rootKey == "/" ? 1 : rootKey.utf8.count + 1)
        let parts = inside.split(separator: "/")
        guard let name = parts.last.map(String.init) else { return nil }
        if parts.contains(Substring(ProcrunFolder.name)) { return "procrun's own folder '\(ProcrunFolder.name)'" }
        if parts.count == 1, name == Library.configName { return "the library's \(Library.configName)" }
        guard isProcedureName(name), !parts.contains(where: { $0.hasPrefix(".") }), !(parts.count > 1 && parts[0] == Substring(archiveFolder)),
            FileStatus.of(whole)?.isRegularFile == true, looksLikeProcedure(whole)
        else { return nil }
        return "the procedure file '\(inside)'"
    }

    /// Whether an absolute, link-free path lies inside the folder whose real path is `rootKey`.
    static func contains(_ key: String, rootKey: String) -> Bool {
        rootKey == "/" ? key.hasPrefix("/") : key.hasPrefix(rootKey + "/")
    }
}
