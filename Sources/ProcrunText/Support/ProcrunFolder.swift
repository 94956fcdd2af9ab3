import Glibc

/// procrun's own folder in a folder of procedures, `.procrun/`: procedure locks (`locks/`), run
/// records (`runs/`) and the `find` cache, kept out of git by the `.gitignore` procrun writes into
/// it. The one place that creates it: every writer of procrun's own files goes through here.
package enum ProcrunFolder {
    /// The folder's name.
    package static let name = ".procrun"
    /// The subfolder that holds the procedures' lock files.
    static let locks = "locks"
    /// What the folder's `.gitignore` says: nothing in it is tracked.
    static let ignoreText = "# procrun's own files: locks, caches and run records\n*\n"

    /// The path of `.procrun/SUBFOLDER` (or of `.procrun` itself) in `folder`, created (with the `.gitignore`) if missing;
    /// new folders under `.procrun` get `mode`.
    package static func prepare(_ subfolder: String = "", in folder: String, mode: UInt32 = 0o755) throws(FileSystem.Failure) -> String {
        let descriptor = try open(subfolder, in: folder, mode: mode)
        close(descriptor)
        let own = FileSystem.join(folder, name)
        return subfolder.isEmpty ? own : FileSystem.join(own, subfolder)
    }

    /// A descriptor of `.procrun/SUBFOLDER` in `folder`, each level created if missing (`.procrun`
    /// itself with mode 0755, the others with `mode`) and none
    /// followed if it is a symbolic link (a planted link could make procrun create files anywhere).
    /// The caller closes it.
    static func open(_ subfolder: String, in folder: String, mode: UInt32 = 0o755) throws(FileSystem.Failure) -> Int32 {
        let own = FileSystem.join(folder, name)
        let parent = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { throw FileSystem.failure("cannot open folder", folder) }
        var current = parent
        do throws(FileSystem.Failure) {
            for (level, part) in ([Substring(name)] + subfolder.split(separator: "/")).enumerated() {
                let next = try openFolder(String(part), in: current, shownAs: level == 0 ? own : FileSystem.join(own, subfolder), mode: level == 0 ? 0o755 : mode)
                close(current)
                current = next
                if level == 0, faccessat(current, ".gitignore", F_OK, AT_SYMLINK_NOFOLLOW) != 0 {
                    try FileSystem.writeAtomically(Array(ignoreText.utf8), to: FileSystem.join(own, ".gitignore"))
                }
            }
        } catch {
            close(current)
            throw error
        }
        return current
    }

    /// Opens the folder `name` inside the open folder `parent`, creating it with `mode` if missing;
    /// a symbolic link is refused.
    private static func openFolder(_ name: String, in parent: Int32, shownAs path: String, mode: UInt32) throws(FileSystem.Failure) -> Int32 {
        while true {
            let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            switch errno {
            case ENOENT:
                if mkdirat(parent, name, mode_t(mode)) != 0, errno != EEXIST { throw FileSystem.failure("cannot create folder", path) }
            case ELOOP, ENOTDIR:
                throw FileSystem.Failure(description: "cannot use '\(path)': it is a symbolic link or not a folder; remove it")
            default:
                throw FileSystem.failure("cannot open folder", path)
            }
        }
    }
}
