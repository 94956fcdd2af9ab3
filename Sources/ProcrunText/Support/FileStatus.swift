import Glibc
// timespec's members are found through this module in some batches of a build (MemberImportVisibility).
import SwiftOverlayShims

/// What `stat` says about a file: enough to tell whether it changed since it was last read.
package struct FileStatus: Sendable, Hashable {
    /// Size in bytes.
    package var size: Int
    /// Last modification, in nanoseconds since the epoch.
    package var modified: Int
    /// Last status change, in nanoseconds since the epoch.
    package var changed: Int
    /// The inode number.
    package var inode: UInt64
    /// Whether it is a folder.
    package var isDirectory: Bool
    /// Whether it is a regular file.
    package var isRegularFile: Bool

    /// A status with these figures (as the index cache stores them).
    package init(size: Int, modified: Int, changed: Int, inode: UInt64, isDirectory: Bool, isRegularFile: Bool) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.isDirectory = isDirectory
        self.isRegularFile = isRegularFile
    }

    /// The status of `path` (following symbolic links), or nil when it cannot be read.
    package static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(
            size: Int(info.st_size),
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
            changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino),
            isDirectory: info.st_mode & S_IFMT == S_IFDIR,
            isRegularFile: info.st_mode & S_IFMT == S_IFREG)
    }

    /// The current time, in nanoseconds since the epoch (the clock file times use).
    package static func now() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int(spec.tv_sec) * 1_000_000_000 + Int(spec.tv_nsec)
    }
}
