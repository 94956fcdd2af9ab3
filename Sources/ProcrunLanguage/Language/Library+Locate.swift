package import ProcrunText

extension Library {
    /// The environment variable naming the library folder when `--library` is not given.
    package static let libraryVariable = "PROCRUN_LIBRARY"

    /// The library of a command that names no procedure file (a procedure name, or a whole-library
    /// command such as `list`, `find` or `record`): `--library DIR` when given; else
    /// `PROCRUN_LIBRARY` when set; else, from the current folder upward and stopping at the
    /// repository's root (the folder holding `.git`), the first folder holding `procrun.yaml` or
    /// `procedures/procrun.yaml`; else `./procedures` when it is a folder; else the current folder.
    /// A command given a file uses ``discover(forProcedureAt:override:)`` instead: the rule is
    /// grammar.md's "The library". `start` is the folder the search starts from (the current one
    /// unless a command names another, as `git-setup FOLDER` does); paths are shown from it.
    package static func locate(override: String?, from start: String = ".") throws(DiagnosticsError) -> Library {
        let chosen = override ?? FileSystem.environment(libraryVariable).flatMap { $0.isEmpty ? nil : $0 }
        if let chosen { return try discover(forProcedureAt: FileSystem.join(chosen, "_"), override: chosen) }
        var shown = start
        for folder in upward(from: start) {
            for root in [folder, folder + "/procedures"] {
                let config = root + "/" + configName
                if FileSystem.exists(config) {
                    let display = root == folder ? shown : FileSystem.join(shown, "procedures")
                    return try load(config: FileSystem.join(display, configName), root: display)
                }
            }
            shown = shown == "." ? ".." : shown + "/.."
        }
        let procedures = FileSystem.join(start, "procedures")
        return Library(root: FileSystem.isDirectory(procedures) ? procedures : start)
    }

    /// The absolute folders from `start` upward: `start`, its parent, and so on, up to the first
    /// that is a repository's root (holds `.git`), or up to `/` outside a repository. The one walk
    /// that both ``locate(override:)`` and ``discover(forProcedureAt:override:)`` make.
    static func upward(from start: String) -> [String] {
        var folders: [String] = []
        var folder = FileSystem.absolute(start)
        while true {
            folders.append(folder)
            if folder == "/" || FileSystem.exists(FileSystem.join(folder, ".git")) { return folders }
            folder = FileSystem.directory(of: folder)
        }
    }
}
