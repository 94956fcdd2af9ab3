import ProcrunSystem
import ProcrunKit
import ProcrunText

/// The scripted history of Fixtures/history/make-history.sh (what it holds: EXPECTED.md there):
/// seven procedures over three months of runs, two merges made by procrun's driver, a rename and
/// a superseded procedure. Built once for every test that reads it, and only read.
enum HistoryFixture {
    /// The repository's folder; its library is `procedures/`.
    static let repository: Result<String, Failure> = {
        do {
            let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-test-")
            let script = ProcrunBinary.fixtures + "/history/make-history.sh"
            let spec = ProcessSpec(arguments: ["bash", script, ProcrunBinary.path, folder + "/repo"], timeout: .seconds(300))
            let result = try ProcessRunner.run(spec)
            guard result.exitCode == 0 else { return .failure(Failure(message: "make-history.sh failed:\n" + result.stderr.text)) }
            return .success(folder + "/repo")
        } catch {
            return .failure(Failure(message: "make-history.sh did not run: \(error)"))
        }
    }()

    /// Why the repository could not be built.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The repository's folder, or the error that says why it is missing.
    static func folder() throws -> String { try repository.get() }

    /// The period every test reports on: the whole scripted history, judged on 2026-12-01.
    static let period = ["--since", "2026-09-01", "--until", "2026-12-01"]
}

extension JSONValue {
    /// The items, if this is an array.
    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text, if this is a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value, if this is a number written as an integer.
    var integer: Int? {
        if case .number(_, let text) = self { return Int(text) }
        return nil
    }

    /// The flag, if this is a boolean.
    var boolean: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }
}
