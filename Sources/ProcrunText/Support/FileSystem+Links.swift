import Glibc
import SwiftOverlayShims

extension FileSystem {
    /// The kinds of entry a folder walk tells apart, without following symbolic links.
    package enum EntryKind: Sendable {
        case file, folder, link, other, missing
    }

    /// What is at `path`, the link itself when it is a symbolic link.
    package static func entryKind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
