import ProcrunKit
import Testing

/// `procrun schema` prints the JSON Schemas, and a real validator (PyPI `check-jsonschema`, installed
/// by scripts/test.sh) agrees with procrun: every valid file validates, every kind of structural
/// error a schema can express is rejected.
@Suite("JSON Schema for editors", .serialized)
struct SchemaTests {
    static let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: #filePath)))

    /// Runs check-jsonschema with the schema `procrun schema KIND` prints on `files`.
    static func validate(_ kind: String, _ files: [String]) throws -> (status: Int32, output: String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let printed = try ProcrunBinary.run(["schema", kind])
        #expect(printed.status == 0)
        let schema = try folder.write("\(kind).schema.json", printed.stdout)
        var spec = ProcessSpec(arguments: ["python3", "-m", "check_jsonschema", "--no-cache", "-o", "text", "--schemafile", schema] + files)
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)
        return (result.exitCode, result.stdout.text + result.stderr.text)
    }

    /// The `.yaml` files under `folder` (recursively), without `procrun.yaml`.
    static func procedures(under folder: String) throws -> [String] {
        var found: [String] = []
        for name in try FileSystem.contents(of: folder) {
            let path = folder + "/" + name
            if FileSystem.isDirectory(path) {
                found += try procedures(under: path)
            } else if name.hasSuffix(".yaml"), name != "procrun.yaml" {
                found.append(path)
            }
        }
        return found
    }

    @Test("procrun schema prints schema/procedure.schema.json, library schema/library.schema.json, show schema/show.schema.json")
    func printed() throws {
        func schema(_ kind: String) throws -> String {
            String(decoding: try FileSystem.read(Self.repository + "/schema/\(kind).schema.json"), as: UTF8.self)
        }
        try ProcrunBinary.expect(["schema", "procedure"], stdout: try schema("procedure"))
        try ProcrunBinary.expect(["schema", "library"], stdout: try schema("library"))
        try ProcrunBinary.expect(["schema", "show"], stdout: try schema("show"))
        try ProcrunBinary.expect(["schema"], stdout: try schema("procedure"))
        try ProcrunBinary.expect(["schema", "workflow"], status: 2, stderr: """
            Error: expected procedure, library or show, found 'workflow'
            Usage: procrun schema [<KIND>]
              See 'procrun schema --help' for more information.

            """)
    }

    @Test("the three schemas are valid draft 2020-12 schemas")
    func metaschema() throws {
        for kind in ["procedure", "library", "show"] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let schema = try folder.write("s.json", try ProcrunBinary.run(["schema", kind]).stdout)
            let result = try ProcessRunner.run(ProcessSpec(arguments: ["python3", "-m", "check_jsonschema", "--no-cache", "--check-metaschema", schema]))
            #expect(result.exitCode == 0, "\(result.stdout.text)\(result.stderr.text)")
        }
    }

    @Test("every procedure of procedures/ and every valid fixture validates")
    func validProcedures() throws {
        let fixtures = ProcrunBinary.fixtures
        var files = try Self.procedures(under: Self.repository + "/procedures")
        for folder in ["valid", "library", "compose", "language", "optimize"] { files += try Self.procedures(under: fixtures + "/" + folder) }
        // A YAML syntax error, which no schema can judge; the language features' broken examples.
        files.removeAll { $0.hasSuffix("nested-syntax/broken.yaml") || $0.hasSuffix("-broken.yaml") || $0.hasSuffix("dotenv-invalid.yaml") }
        #expect(files.count > 40)
        let result = try Self.validate("procedure", files)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("every procrun.yaml of procedures/ and the fixtures validates")
    func validLibraries() throws {
        let files = [Self.repository + "/procedures/procrun.yaml"]
            + ["valid", "library", "compose/nested-call", "language/env"].map { ProcrunBinary.fixtures + "/\($0)/procrun.yaml" }
        let result = try Self.validate("library", files)
        #expect(result.status == 0, "\(result.output)")
    }

    /// A broken file, the schema that must reject it, and what the validator must say.
    struct Rejection: CustomTestStringConvertible, Sendable {
        var file: String
        var kind: String
        var says: String
        var testDescription: String { file }
    }

    static let rejections: [Rejection] = [
        // unknown keys
        Rejection(file: "broken/unknown-top-key.yaml", kind: "procedure", says: "'stpes' was unexpected"),
        Rejection(file: "broken/unknown-step-key.yaml", kind: "procedure", says: "was unexpected"),
        Rejection(file: "broken/unknown-parameter.yaml", kind: "procedure", says: "'comand' was unexpected"),
        Rejection(file: "schema/library-unknown-key.yaml", kind: "library", says: "'descripton' was unexpected"),
        // wrong types
        Rejection(file: "broken/version-not-integer.yaml", kind: "procedure", says: "is not of type 'integer'"),
        Rejection(file: "broken/steps-not-list.yaml", kind: "procedure", says: "is not of type 'array'"),
        Rejection(file: "broken/boolean-yes.yaml", kind: "procedure", says: "is not of type 'boolean'"),
        Rejection(file: "broken/bad-duration.yaml", kind: "procedure", says: "'soon' is not valid under any of the given schemas"),
        Rejection(file: "schema/wrong-parameter-type.yaml", kind: "procedure", says: "'yes' is not of type 'boolean'"),
        Rejection(file: "schema/library-wrong-type.yaml", kind: "library", says: "$.executor"),
        Rejection(file: "broken/stats-negative.yaml", kind: "procedure", says: "less than the minimum of 0"),
        // missing required keys
        Rejection(file: "broken/missing-name.yaml", kind: "procedure", says: "'name' is a required property"),
        Rejection(file: "broken/missing-action.yaml", kind: "procedure", says: "'action' is a required property"),
        Rejection(file: "schema/library-missing-command.yaml", kind: "library", says: "'command' is a required property"),
        // bad enumeration values
        Rejection(file: "broken/on-failure-invalid.yaml", kind: "procedure", says: "'ignore' is not one of ['abort', 'continue']"),
        Rejection(file: "broken/input-type-unknown.yaml", kind: "procedure", says: "is not one of ['string', 'integer', 'number', 'boolean', 'list']"),
        Rejection(file: "schema/bad-log-level.yaml", kind: "procedure", says: "'debug' is not one of ['info', 'warn', 'error']"),
        Rejection(file: "schema/library-builtin-name.yaml", kind: "library", says: "'shell' should not be valid"),
    ]

    @Test("each broken file is rejected, and the validator says why", arguments: ["procedure", "library"])
    func rejected(kind: String) throws {
        let rejections = Self.rejections.filter { $0.kind == kind }
        let paths = rejections.map { ProcrunBinary.fixtures + "/" + $0.file }
        let result = try Self.validate(kind, paths)
        #expect(result.status == 1)
        // The validator reports each file as `  PATH::$.where: message` (and lines under it), files
        // one after another: each file's lines run to the next file's first.
        let lines = result.output.split(separator: "\n").map(String.init)
        func file(of line: String) -> String? { paths.first { line.hasPrefix("  " + $0 + "::") } }
        for (rejection, path) in zip(rejections, paths) {
            guard let start = lines.firstIndex(where: { file(of: $0) == path }) else {
                Issue.record("\(rejection.file) was not rejected:\n\(result.output)")
                continue
            }
            let end = lines[(start + 1)...].firstIndex { file(of: $0).map { $0 != path } ?? false } ?? lines.endIndex
            let said = lines[start..<end].joined(separator: "\n")
            #expect(said.contains(rejection.says), "\(rejection.file): \(said)")
        }
    }

    @Test("procrun rejects the broken procedures the schema rejects")
    func procrunAgrees() throws {
        // What check says of each is in the file beside it, NAME.stderr, which names the file without its folder.
        for rejection in Self.rejections where rejection.kind == "procedure" {
            let path = ProcrunBinary.fixtures + "/" + rejection.file
            let folder = FileSystem.directory(of: path) + "/"
            let expected = String(decoding: try FileSystem.read(String(path.dropLast(".yaml".count)) + ".stderr"), as: UTF8.self)
            try ProcrunBinary.expect(["check", path], status: 2, stderr: expected, normalizing: [.path(folder, as: "")])
        }
    }
}
