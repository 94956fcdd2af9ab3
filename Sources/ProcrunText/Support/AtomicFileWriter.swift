import Glibc
import SwiftOverlayShims

/// The one way procrun writes a file (procedures, archives, caches, exports; through
/// ``FileSystem/writeAtomically(_:to:locking:)``): whatever happens, the file is either the old or
/// the new version, never a mix: the bytes go to a temporary file in the same folder, which is flushed to
/// disk, given the original's mode and owner, and renamed over the original; then the folder is
/// flushed so the rename itself survives a crash. A writer killed in the middle leaves its temporary
/// file behind; the next write in that folder removes it (``removeLeftovers(in:)``).
///
/// (The end-to-end tests slow it from outside, with a preloaded library: `CSlowWrite`.)
package enum AtomicFileWriter {
    /// The marker in a temporary file's name: `.NAME.procrun-tmp.XXXXXX`.
    static let temporaryMarker = ".procrun-tmp."

    /// The mode of a file that did not exist before.
    static let newFileMode: UInt32 = 0o644

    /// Writes `bytes` to `path` (symbolic links already resolved): an existing regular file keeps
    /// its mode and owner; a new file gets `mode` (0644 unless told).
    /// With `replacing` false, the file must not exist yet: the flushed temporary file is linked
    /// into place (never over an existing file, even one created meanwhile) instead of renamed.
    package static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true, mode: UInt32 = newFileMode) throws(FileSystem.Failure) {
        var info = stat()
        var exists = stat(path, &info) == 0
        guard exists || errno == ENOENT else { throw FileSystem.failure("cannot save", path) }
        var writable = false
        if exists {
            writable = access(path, W_OK) == 0
            // A file removed between the two questions (another run pruning old run records) is a
            // new file, not a read-only one.
            if !writable, errno == ENOENT { exists = false }
        }
        if exists {
            guard info.st_mode & S_IFMT == S_IFREG else { throw FileSystem.Failure(description: "cannot save '\(path)': it is not a regular file") }
            if info.st_mode & 0o222 == 0 || !writable {
                throw FileSystem.Failure(description: "cannot save '\(path)': the file is read-only")
            }
        } else {
            info.st_mode = S_IFREG | mode
            info.st_uid = getuid()
            info.st_gid = getgid()
        }
        let folder = FileSystem.directory(of: path)
        let name = String(path.split(separator: "/").last ?? "")
        removeLeftovers(in: folder)
        let (fd, temporary) = try makeTemporary(for: name, in: folder)
        var done = false
        // The lock on the temporary file goes with the descriptor: only once the file is in place.
        defer {
            if !done { unlink(temporary) }
            close(fd)
        }
        _ = fchown(fd, info.st_uid, info.st_gid)
        guard fchmod(fd, info.st_mode & 0o7777) == 0 else { throw FileSystem.failure("cannot set the mode of", temporary) }
        try writeAll(bytes, to: fd, path: temporary)
        guard fsync(fd) == 0 else { throw FileSystem.failure("cannot flush", temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw FileSystem.failure("cannot replace", path) }
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw FileSystem.Failure(description: "cannot write '\(path)': it already exists") }
                throw FileSystem.failure("cannot write", path)
            }
            unlink(temporary)
        }
        done = true
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FileSystem.Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.failure("cannot write", path)
            }
            written += count
        }
    }
}
