import Glibc

extension FileSystem {
    /// Renames `source` to `target` atomically (both in the same file system), replacing `target`.
    package static func rename(_ source: String, to target: String) throws(Failure) {
        guard Glibc.rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            throw Failure(description: "cannot move '\(source)' to '\(target)': \(reason)")
        }
    }

    /// Removes a file (not a folder).
    package static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 else { throw failure("cannot remove", path) }
    }

    /// Writes `bytes` to `path` so that readers and crashes see the old content or the new one,
    /// never a mix (``AtomicFileWriter``: temporary file, fsync, rename, folder fsync, mode and
    /// owner kept). A symbolic link updates its target and stays a link. With `locking`, the
    /// write happens under the file's lock (``FileLock``, as the stats writer takes it).
    /// With `replacing` false, an existing file is never replaced: the write fails instead. A new
    /// file gets `mode`.
    package static func writeAtomically(_ bytes: [UInt8], to path: String, locking: Bool = false, replacing: Bool = true, mode: UInt32 = 0o644) throws(Failure) {
        let target = realPath(path) ?? path
        let lock = locking ? try FileLock(guarding: target) : nil
        try withExtendedLifetime(lock) { () throws(Failure) in
            try AtomicFileWriter.write(bytes, to: target, replacing: replacing, mode: mode)
        }
    }
}
