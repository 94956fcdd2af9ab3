import Glibc
import ProcrunKit

/// Runs the built `procrun` executable, as a user would, and captures what it prints.
struct ProcrunBinary {
    /// What one invocation printed and returned.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle (`swift build` puts both in the same folder).
    static let path: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let exe = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return FileSystem.directory(of: exe) + "/procrun"
    }()

    /// The environment that slows `procrun`'s atomic writes by `milliseconds` per piece of a
    /// temporary file and before its rename (the `CSlowWrite` library `swift build` puts beside the
    /// executable, preloaded), so that a test can kill a writer in the middle.
    static func slowWrites(milliseconds: Int) -> [(String, String)] {
        [("LD_PRELOAD", FileSystem.directory(of: path) + "/libProcrunSlowWrite.so"), ("PROCRUN_TEST_SLOW_WRITE", String(milliseconds))]
    }

    /// The environment every run starts from: no colour, and not a step of GitHub Actions even
    /// when the tests run in one (a test that wants its workflow commands sets `GITHUB_ACTIONS`).
    static let quiet = [("NO_COLOR", "1"), ("GITHUB_ACTIONS", "")]

    /// The fixtures folder beside this file.
    static let fixtures = FileSystem.directory(of: #filePath) + "/Fixtures"

    /// Runs `procrun ARGUMENTS` in `directory`.
    static func run(_ arguments: [String], in directory: String? = nil, input: String? = nil, environment: [(String, String)] = [])
        throws -> Output
    {
        var spec = ProcessSpec(arguments: [path] + arguments)
        spec.workingDirectory = directory
        spec.standardInput = input.map { Array($0.utf8) }
        spec.extraEnvironment = quiet + environment
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)
        return Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text)
    }

    /// Runs another program (such as `script`, to give procrun a terminal) in `directory`, with
    /// the environment of ``run(_:in:input:environment:)``; returns its standard output.
    static func runShell(_ arguments: [String], in directory: String, environment: [(String, String)] = []) throws -> String {
        var spec = ProcessSpec(arguments: arguments)
        spec.workingDirectory = directory
        spec.extraEnvironment = quiet + environment
        spec.timeout = .seconds(120)
        return try ProcessRunner.run(spec).stdout.text
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-test-")
    }

    /// A fresh folder holding `files` (name → text), written in order.
    init(files: [(String, String)]) throws {
        try self.init()
        for (name, text) in files { try write(name, text) }
    }

    /// Copies a file in, keeping its name (or giving it `name`).
    func copy(_ source: String, as name: String? = nil) throws -> String {
        let target = path + "/" + (name ?? String(source.split(separator: "/").last ?? ""))
        try FileSystem.write(try FileSystem.read(source), to: target)
        return target
    }

    /// Writes text to a file in the folder.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = path + "/" + name
        try FileSystem.createDirectories(FileSystem.directory(of: target))
        try FileSystem.write(Array(text.utf8), to: target)
        return target
    }

    /// The text of a file in the folder.
    func read(_ name: String) throws -> String {
        String(decoding: try FileSystem.read(path + "/" + name), as: UTF8.self)
    }

    /// The stats block of the procedure file `name` in the folder: its text from the line
    /// `stats:` to the end of the file.
    func statsBlock(_ name: String) throws -> String {
        let text = try read(name)
        guard let start = text.firstRange(of: "\nstats:\n")?.lowerBound else { return "" }
        return String(text[text.index(after: start)...])
    }

    /// Whether a file exists in the folder.
    func exists(_ name: String) -> Bool {
        FileSystem.exists(path + "/" + name)
    }

    func remove() {
        _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", path]))
    }
}
