import Glibc
import ProcrunKit
import Testing

/// Files that are not regular files, or are far too large, are refused before a byte is read: at
/// `1:1`, at once, whatever command opens them.
@Suite("files that are not procedures", .serialized)
struct FileKindTests {
    /// Runs `procrun COMMAND FILE`, expects it to refuse the file with `diagnostic` (and, from
    /// `check`, the count of problems) within a second.
    func expectRefused(
        _ command: String, _ file: String, in folder: String, with diagnostic: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let start = ContinuousClock.now
        let count = command == "check" ? "1 problem found in 1 file\n" : ""
        try ProcrunBinary.expect([command, file], in: folder, status: 2, stderr: diagnostic + "\n" + count, sourceLocation: sourceLocation)
        let took = ContinuousClock.now - start
        #expect(took < .seconds(1), "\(command) \(file) took \(took)", sourceLocation: sourceLocation)
    }

    @Test("a FIFO is refused at 1:1 without blocking, by run and by check")
    func fifo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path + "/pipe.yaml", 0o644) == 0)
        for command in ["run", "check"] {
            try expectRefused(command, "pipe.yaml", in: folder.path, with: "pipe.yaml:1:1: error: expected a regular file, found a FIFO (named pipe)")
        }
    }

    @Test("/dev/zero is refused at 1:1 at once")
    func devZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try expectRefused("check", "/dev/zero", in: folder.path, with: "/dev/zero:1:1: error: expected a regular file, found a character device")
    }

    @Test("a 50 MB procedure is refused at 1:1 with its real size, before it is read")
    func hugeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The fixture's text, then padding up to 50 MB in a comment.
        var bytes = try FileSystem.read(ProcrunBinary.fixtures + "/safety/huge-head.yaml")
        bytes += [UInt8](repeating: UInt8(ascii: "#"), count: 50_000_000 - bytes.count)
        try FileSystem.write(bytes, to: folder.path + "/huge.yaml")
        for command in ["run", "check"] {
            try expectRefused(
                command, "huge.yaml", in: folder.path, with: "huge.yaml:1:1: error: the file is 50000000 bytes; procedure files are limited to 8388608 bytes")
        }
        #expect(!folder.exists("ran"))
    }
}
