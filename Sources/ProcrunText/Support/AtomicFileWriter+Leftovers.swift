import CShims
import Glibc
import SwiftOverlayShims

extension AtomicFileWriter {
    /// Removes the temporary files that writers killed in the middle left in `folder`, whatever
    /// file they were writing (a run record, a `.gitignore`, a procedure), and never one whose
    /// writer is still at work: a writer holds an exclusive `flock` on its temporary file from just
    /// after creating it until the file is in place (``makeTemporary(for:in:)``), so a temporary
    /// file whose lock can be taken has no writer left.
    static func removeLeftovers(in folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { isTemporary($0) ? String(cString: $0) : nil }
            }
            if let name { removeIfAbandoned(FileSystem.join(folder, name)) }
        }
    }

    /// A new temporary file for the file `name` in `folder`, opened and locked: its descriptor and
    /// path. A file that a cleaner removed before the lock was taken (it took the file for a killed
    /// writer's) is given up for another.
    static func makeTemporary(for name: String, in folder: String) throws(FileSystem.Failure) -> (Int32, String) {
        for _ in 0..<100 {
            var template = Array(FileSystem.join(folder, "." + name + temporaryMarker + "XXXXXX").utf8CString)
            let fd = procrun_mkostemp(&template, O_CLOEXEC)
            guard fd >= 0 else { throw FileSystem.failure("cannot create a temporary file in", folder) }
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            var info = stat()
            if fstat(fd, &info) == 0 && info.st_nlink == 0 {
                close(fd)
                continue
            }
            return (fd, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        throw FileSystem.Failure(description: "cannot create a temporary file in '\(folder)': it was removed each time")
    }

    /// Whether a folder entry is named as ``makeTemporary(for:in:)`` names files:
    /// `.NAME.procrun-tmp.XXXXXX`.
    private static func isTemporary(_ name: UnsafePointer<CChar>) -> Bool {
        let length = strlen(name)
        let markerLength = temporaryMarker.utf8.count
        guard name[0] == CChar(UInt8(ascii: ".")), length > markerLength + 6 else { return false }
        return temporaryMarker.withCString { strncmp(name + length - 6 - markerLength, $0, markerLength) == 0 }
    }

    /// Removes the temporary file at `path` when no writer holds its lock, and it is still the
    /// file of that name once the lock is ours.
    private static func removeIfAbandoned(_ path: String) {
        var fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 && errno == EACCES { fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }
        var opened = stat()
        var named = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG, lstat(path, &named) == 0,
              opened.st_ino == named.st_ino, opened.st_dev == named.st_dev
        else { return }
        unlink(path)
    }
}
