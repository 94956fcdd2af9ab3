import Glibc
import SwiftOverlayShims

extension FileSystem {
    /// The kinds of entry a folder walk tells apart, without following symbolic links.
    package enum EntryKind: Sendable {
        case file, folder, link, other, missing
    }

    /// What is at `path`, the link itself when it is a symbolic link (what it leads to when
    /// `following`).
    package static func entryKind(_ path: String, following: Bool = false) -> EntryKind {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The entries of the folder at `path` (without `.` and `..`, in the folder's order), with
    /// what each is (a symbolic link as a link); nil when it cannot be listed.
    package static func entries(of path: String) -> [(name: String, kind: EntryKind)]? {
        guard let directory = opendir(path.isEmpty ? "." : path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .file
                case Int32(DT_DIR): .folder
                case Int32(DT_LNK): .link
                default: entryKind(join(path, name))
                }
            entries.append((name, kind))
        }
        return entries
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` as a path from the folder `top` (both resolved, symbolic links followed), empty
    /// when they are the same folder; nil when it lies outside `top` or does not exist.
    package static func relative(_ path: String, to top: String) -> String? {
        guard let whole = realPath(path), let base = realPath(top) else { return nil }
        if whole == base { return "" }
        let prefix = base == "/" ? "/" : base + "/"
        return whole.hasPrefix(prefix) ? String(whole.dropFirst(prefix.count)) : nil
    }
}
