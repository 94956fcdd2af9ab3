import ProcrunLanguage
import ProcrunSystem
import ProcrunText

/// The folder of one entry of a matrix step with `isolate: true`: a fresh temporary folder (under
/// `$TMPDIR`, else `/tmp`) holding a copy of the folder the step's commands run in, made as
/// `cp -a` makes it (modes, times and symbolic links kept), and removed once the entry is done.
/// A copy rather than a farm of links, so that an entry that changes a file changes its own copy:
/// it costs the time and space of the whole folder (its `.git` too) for each entry.
enum EntryFolder {
    /// Makes the copy of `source` and returns its path.
    static func copy(of source: String) throws(StepFailure) -> String {
        let root = FileSystem.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let folder: String
        do {
            folder = try FileSystem.makeTemporaryDirectory(prefix: FileSystem.join(root, "procrun-entry-"))
        } catch {
            throw StepFailure(.entryFolderNotMade(source: source, reason: error.description))
        }
        let copied = try? ProcessRunner.run(ProcessSpec(arguments: ["cp", "-a", source + "/.", folder]))
        guard let copied, copied.exitCode == 0 else {
            remove(folder)
            let reason = copied?.stderr.text.split(separator: "\n").first.map(String.init) ?? "cp could not be started"
            throw StepFailure(.entryFolderNotMade(source: source, reason: reason))
        }
        return folder
    }

    /// Removes an entry's folder and everything in it.
    static func remove(_ folder: String) {
        _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder]))
    }
}
