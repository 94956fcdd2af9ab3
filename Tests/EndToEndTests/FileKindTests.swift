import Glibc
import ProcrunKit
import Testing

/// Files that are not regular files, or are far too large, are refused before a byte is read: at
/// `1:1`, at once, whatever command opens them.
@Suite("files that are not procedures", .serialized)
struct FileKindTests {
    /// Runs procrun and says how long it took.
    func timed(_ arguments: [String], in folder: String) throws -> (ProcrunBinary.Output, Duration) {
        let start = ContinuousClock.now
        let output = try ProcrunBinary.run(arguments, in: folder)
        return (output, ContinuousClock.now - start)
    }

    @Test("a FIFO is refused at 1:1 without blocking, by run and by check")
    func fifo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path + "/pipe.yaml", 0o644) == 0)
        for command in [["run", "pipe.yaml"], ["check", "pipe.yaml"]] {
            let (output, took) = try timed(command, in: folder.path)
            #expect(output.status == 2)
            #expect(output.stderr.hasPrefix("pipe.yaml:1:1: error: expected a regular file, found a FIFO (named pipe)\n"), "stderr was:\n\(output.stderr)")
            #expect(took < .seconds(1), "\(command) took \(took)")
        }
    }

    @Test("/dev/zero is refused at 1:1 at once")
    func devZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (output, took) = try timed(["check", "/dev/zero"], in: folder.path)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("/dev/zero:1:1: error: expected a regular file, found a character device\n"), "stderr was:\n\(output.stderr)")
        #expect(took < .seconds(1), "check /dev/zero took \(took)")
    }

    @Test("a 50 MB procedure is refused at 1:1 with its real size, before it is read")
    func hugeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The fixture's text, then padding up to 50 MB in a comment.
        var bytes = try FileSystem.read(ProcrunBinary.fixtures + "/safety/huge-head.yaml")
        bytes += [UInt8](repeating: UInt8(ascii: "#"), count: 50_000_000 - bytes.count)
        try FileSystem.write(bytes, to: folder.path + "/huge.yaml")
        for command in [["run", "huge.yaml"], ["check", "huge.yaml"]] {
            let (output, took) = try timed(command, in: folder.path)
            #expect(output.status == 2)
            #expect(
                output.stderr.hasPrefix("huge.yaml:1:1: error: the file is 50000000 bytes; procedure files are limited to 8388608 bytes\n"),
                "stderr was:\n\(output.stderr)")
            #expect(took < .seconds(1), "\(command) took \(took)")
        }
        #expect(!folder.exists("ran"))
    }
}
