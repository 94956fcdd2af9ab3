import ProcrunKit
import Testing

/// Every file in Fixtures/broken is rejected with exactly what the file beside it, `NAME.stderr`,
/// holds: `check` prints it on standard error, `run` prints it without the closing count; nothing
/// runs.
@Suite("broken procedures", .serialized)
struct BrokenFixtureTests {
    /// The broken procedures: the `.yaml` files of Fixtures/broken.
    static let files: [String] = ((try? FileSystem.contents(of: ProcrunBinary.fixtures + "/broken")) ?? []).filter { $0.hasSuffix(".yaml") }

    /// What `check` prints on standard error for `file`: the text of its `.stderr` file.
    static func expected(_ file: String) -> String {
        let path = ProcrunBinary.fixtures + "/broken/" + file.dropLast(".yaml".count) + ".stderr"
        return (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test("there are at least 25 broken fixtures, each with what check prints for it")
    func coverage() throws {
        #expect(Self.files.count >= 25)
        let stderrFiles = try FileSystem.contents(of: ProcrunBinary.fixtures + "/broken").filter { $0.hasSuffix(".stderr") }
        #expect(stderrFiles.map { $0.dropLast(".stderr".count) + ".yaml" } == Self.files)
    }

    @Test("check reports exactly the expected diagnostics", arguments: files)
    func check(file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + file)
        try ProcrunBinary.expect(["check", file], in: folder.path, status: 2, stderr: Self.expected(file))
    }

    @Test("run refuses the file with exit 2, the same diagnostics without the count, and runs no step", arguments: files)
    func run(file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + file)
        let lines = Self.expected(file).split(separator: "\n", omittingEmptySubsequences: false).dropLast(2)
        try ProcrunBinary.expect(["run", file], in: folder.path, status: 2, stderr: lines.joined(separator: "\n") + "\n")
        #expect(!folder.exists("ran-marker"))
    }

    /// The `LINE:COL: error: MESSAGE` part of each diagnostic line that `procrun` printed for `file`.
    static func diagnostics(in stderr: String, for file: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix(file + ":") }.map {
            String($0.dropFirst(file.count + 1)).trimmingCharacters()
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
