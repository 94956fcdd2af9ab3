import ProcrunKit

/// A fresh folder under /tmp for the files of one test, removed by ``remove()``.
struct ScratchFolder {
    /// The folder's path.
    let path: String

    /// Makes the folder.
    init() throws {
        path = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-unit-")
    }

    /// Writes `text` to the file `name` in the folder (its folders made as needed); returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = path + "/" + name
        try FileSystem.createDirectories(FileSystem.directory(of: target))
        try FileSystem.write(Array(text.utf8), to: target)
        return target
    }

    /// The text of the file `name` in the folder.
    func read(_ name: String) throws -> String {
        String(decoding: try FileSystem.read(path + "/" + name), as: UTF8.self)
    }

    /// Removes the folder and everything in it.
    func remove() {
        _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", path]))
    }
}
