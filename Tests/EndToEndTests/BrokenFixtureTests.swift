import ProcrunKit
import Testing

/// Every file in Fixtures/broken is rejected with exactly the diagnostics listed for it in
/// Fixtures/broken/EXPECTED, by `check` and by `run`, and nothing runs.
@Suite("broken procedures", .serialized)
struct BrokenFixtureTests {
    /// `file → ["line:col: error: message", ...]` from the EXPECTED file.
    static let expectations: [String: [String]] = {
        let text = (try? FileSystem.read(ProcrunBinary.fixtures + "/broken/EXPECTED")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var table: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let file = String(line[..<colon])
            table[file, default: []].append(String(line[line.index(after: colon)...]).trimmingCharacters())
        }
        return table
    }()

    static let files: [String] = expectations.keys.sorted()

    @Test("there are at least 25 broken fixtures, each with an expectation")
    func coverage() throws {
        #expect(Self.files.count >= 25)
        let onDisk = try FileSystem.contents(of: ProcrunBinary.fixtures + "/broken").filter { $0.hasSuffix(".yaml") }
        #expect(onDisk == Self.files)
    }

    @Test("check reports exactly the expected diagnostics", arguments: files)
    func check(file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + file)
        let output = try ProcrunBinary.run(["check", file], in: folder.path)
        #expect(output.status == 2)
        #expect(Self.diagnostics(in: output.stderr, for: file) == Self.expectations[file] ?? [], "stderr was:\n\(output.stderr)")
    }

    @Test("run refuses the file with exit 2 and runs no step", arguments: files)
    func run(file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + file)
        let output = try ProcrunBinary.run(["run", file], in: folder.path)
        #expect(output.status == 2)
        #expect(!folder.exists("ran-marker"))
        #expect(output.stdout.isEmpty)
        let first = Self.expectations[file]?.first ?? "?"
        #expect(Self.diagnostics(in: output.stderr, for: file).first == first, "stderr was:\n\(output.stderr)")
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
