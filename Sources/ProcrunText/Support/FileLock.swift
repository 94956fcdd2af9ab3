import Glibc

/// An exclusive `flock` that guards one procedure file while its stats are read, updated and
/// written: the lock file `.procrun/locks/NAME.lock` in the procedure's folder (``ProcrunFolder``),
/// so that nothing but the procedures themselves shows in `git status`.
///
/// The lock file is created once and never renamed or removed, so every writer locks the same
/// inode. The kernel drops the lock when its holder exits, however it exits: a killed writer never
/// leaves a lock that blocks the next run.
package final class FileLock {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Takes the lock that guards `file` (its path with symbolic links resolved),
    /// `.procrun/locks/NAME.lock` in the file's folder, creating the lock file and its folders if
    /// needed; waits up to `timeout` for another holder to finish.
    package init(guarding file: String, timeout: Duration = .seconds(120)) throws(FileSystem.Failure) {
        let folder = FileSystem.directory(of: file)
        let name = (file.split(separator: "/").last.map(String.init) ?? file) + ".lock"
        path = FileSystem.join(folder, "\(ProcrunFolder.name)/\(ProcrunFolder.locks)/\(name)")
        let locks = try ProcrunFolder.open(ProcrunFolder.locks, in: folder)
        defer { close(locks) }
        // A lock file that is a symbolic link is refused, never followed: it could make procrun
        // create or touch a file anywhere.
        let fd = openat(locks, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode_t(0o644))
        guard fd >= 0 else {
            if errno == ELOOP { throw FileSystem.Failure(description: "cannot lock '\(path)': the lock file is a symbolic link; remove it") }
            throw FileSystem.failure("cannot create the lock file", path)
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(fd)
                throw FileSystem.failure("cannot lock", path)
            }
            guard clock.now < deadline else {
                close(fd)
                throw FileSystem.Failure(description: "cannot lock '\(path)': another procrun held it for more than \(timeout.shortDescription)")
            }
            usleep(5_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
