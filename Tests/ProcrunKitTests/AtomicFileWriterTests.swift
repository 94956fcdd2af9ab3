import Glibc
import ProcrunKit
import Testing

/// The one atomic writer: it replaces a file whole, keeping its mode, or refuses and leaves it as
/// it was; it removes the temporary files that killed writers left in a folder, and never one whose
/// writer is still writing.
@Suite("the atomic writer")
struct AtomicFileWriterTests {
    /// A fresh folder under /tmp.
    func folder() throws -> String {
        try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-writer-test-")
    }

    func remove(_ folder: String) {
        for name in (try? FileSystem.contents(of: folder)) ?? [] { unlink(folder + "/" + name) }
        rmdir(folder)
    }

    /// Leaves a temporary file as a writer killed after `mkstemp` does: named as the writer names
    /// them, part of the bytes written, no lock held.
    func leaveTemporary(_ name: String, in folder: String) throws {
        try FileSystem.write(Array("{\"id\":".utf8), to: folder + "/" + name)
    }

    @Test("the next write in the folder, of any file, removes every killed writer's temporary file")
    func staleRemoved() throws {
        let folder = try folder()
        defer { remove(folder) }
        try leaveTemporary(".20261206-1.json.procrun-tmp.a1B2c3", in: folder)
        try leaveTemporary(".20261206-2.json.procrun-tmp.Zz9Yy8", in: folder)
        try leaveTemporary("..gitignore.procrun-tmp.q0w9e8", in: folder)
        // Not a temporary file of procrun's: the marker is not where the writer puts it.
        try FileSystem.write(Array("kept".utf8), to: folder + "/notes.procrun-tmp.txt")
        try FileSystem.writeAtomically(Array("{}".utf8), to: folder + "/20261206-3.json", mode: 0o600)
        #expect(try FileSystem.contents(of: folder) == ["20261206-3.json", "notes.procrun-tmp.txt"])
    }

    @Test("a temporary file whose writer holds its lock is left alone, and removed once the writer is gone")
    func liveKept() throws {
        let folder = try folder()
        defer { remove(folder) }
        let live = folder + "/.record.json.procrun-tmp.L1v3w8"
        // A writer in the middle of its write: the temporary file exists, locked by its writer.
        let descriptor = open(live, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX) == 0)
        try leaveTemporary(".record.json.procrun-tmp.d3aDd3", in: folder)
        try FileSystem.writeAtomically(Array("{}".utf8), to: folder + "/other.json")
        #expect(try FileSystem.contents(of: folder) == [".record.json.procrun-tmp.L1v3w8", "other.json"])
        // The writer is gone: its lock is released. (Explicitly, not by close alone: a process that
        // another test spawns at this moment holds a copy of the descriptor until it execs, and a
        // lock goes only with the last copy; LOCK_UN releases it for all of them.)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        try FileSystem.writeAtomically(Array("{}".utf8), to: folder + "/other.json")
        #expect(try FileSystem.contents(of: folder) == ["other.json"])
    }

    @Test("writers side by side in one folder never remove each other's temporary files")
    func concurrentWriters() async throws {
        let folder = try folder()
        defer { remove(folder) }
        let writers = 4
        let writes = 40
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var failures: [String] = []
                    for write in 0..<writes {
                        // One file of its own and one shared by all, as runs write their records and a .gitignore.
                        for name in ["w\(writer).json", "shared.json"] {
                            do {
                                try FileSystem.writeAtomically(Array("\(writer) \(write)".utf8), to: folder + "/" + name)
                            } catch {
                                failures.append("\(error)")
                            }
                        }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.count == 0, "\(failures.count) writes failed, the first: \(failures.first ?? "")")
        #expect(try FileSystem.contents(of: folder) == ["shared.json", "w0.json", "w1.json", "w2.json", "w3.json"])
        for writer in 0..<writers {
            let bytes = try FileSystem.read(folder + "/w\(writer).json")
            #expect(bytes == Array("\(writer) \(writes - 1)".utf8))
        }
    }

    /// The permission bits of the file at `path`.
    func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test("an existing file is replaced whole and keeps its mode; a new file gets the mode asked for")
    func replace() throws {
        let folder = try folder()
        defer { remove(folder) }
        let path = folder + "/p.yaml"
        try FileSystem.write(Array("name: old\nsteps: []\n# a longer first version\n".utf8), to: path)
        #expect(chmod(path, 0o640) == 0)
        try FileSystem.writeAtomically(Array("name: new\n".utf8), to: path)
        #expect(try FileSystem.read(path) == Array("name: new\n".utf8))
        #expect(mode(path) == 0o640)
        try FileSystem.writeAtomically(Array("{}".utf8), to: folder + "/record.json", mode: 0o600)
        #expect(mode(folder + "/record.json") == 0o600)
        #expect(try FileSystem.contents(of: folder) == ["p.yaml", "record.json"])
    }

    @Test("without replacing, an existing file is refused and left as it was")
    func noReplace() throws {
        let folder = try folder()
        defer { remove(folder) }
        let path = folder + "/new.yaml"
        try FileSystem.writeAtomically(Array("first".utf8), to: path, replacing: false)
        #expect(throws: FileSystem.Failure.self) { try FileSystem.writeAtomically(Array("second".utf8), to: path, replacing: false) }
        #expect(try FileSystem.read(path) == Array("first".utf8))
        #expect(try FileSystem.contents(of: folder) == ["new.yaml"])
    }

    @Test("a read-only file is refused and left as it was")
    func readOnly() throws {
        let folder = try folder()
        defer { remove(folder) }
        let path = folder + "/p.yaml"
        try FileSystem.write(Array("kept".utf8), to: path)
        #expect(chmod(path, 0o444) == 0)
        #expect(throws: FileSystem.Failure.self) { try FileSystem.writeAtomically(Array("lost".utf8), to: path) }
        #expect(try FileSystem.read(path) == Array("kept".utf8))
        #expect(try FileSystem.contents(of: folder) == ["p.yaml"])
    }

    @Test("a symbolic link updates its target and stays a link")
    func link() throws {
        let folder = try folder()
        defer { remove(folder) }
        try FileSystem.write(Array("old".utf8), to: folder + "/target.yaml")
        #expect(symlink("target.yaml", folder + "/link.yaml") == 0)
        try FileSystem.writeAtomically(Array("new".utf8), to: folder + "/link.yaml")
        var info = stat()
        #expect(lstat(folder + "/link.yaml", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try FileSystem.read(folder + "/target.yaml") == Array("new".utf8))
    }
}
