import ProcrunKit
import Testing

/// `procrun show --json` and the MCP tool `show_procedure`: a procedure as data, every key of the
/// language, its record and its call tree, and the JSON Schema `procrun schema show` gives it.
@Suite("show as data", .serialized)
struct ShowTests {
    static let fixture = ProcrunBinary.fixtures + "/show"

    /// A copy of Fixtures/show (every-key.yaml, the procedures it calls, its library).
    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let copied = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", fixture + "/.", folder.path]))
        #expect(copied.exitCode == 0)
        return folder
    }

    /// JSON text indented by Python's `json.tool` (keys in the order written), to compare with a
    /// golden file a person can read.
    static func indented(_ json: String) throws -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("shown.json", json)
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["python3", "-m", "json.tool", "--indent", "2", "--no-ensure-ascii", file]))
        #expect(result.exitCode == 0, "\(result.stderr.text)")
        return result.stdout.text
    }

    @Test("show --json gives every key of a procedure that uses them all, its record and its call tree")
    func everyKey() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let shown = try ProcrunBinary.run(["show", "every-key.yaml", "--json"], in: folder.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stderr == "")
        // One line, then its line break.
        #expect(shown.stdout.hasSuffix("}\n") && shown.stdout.dropLast().contains("\n") == false)
        WholeText.expect(try Self.indented(shown.stdout), equalsContentsOf: Self.fixture + "/every-key.show.json")
    }

    @Test("show prints a procedure's and each step's needs, preconditions and up-to-date check, as written")
    func conditions() throws {
        let folder = try TemporaryFolder(files: [
            ("lint.yaml", "name: lint\nsteps:\n  - action: log\n    parameters: {message: lint}\n"),
            ("ship.yaml", """
            name: ship
            description: Ships the site.
            needs: [lint]
            precondition: [{sh: 'test -d src', message: the sources are missing}]
            sources: [src/**]
            generates: [dist/site.tar]
            steps:
              - id: pack
                action: shell
                precondition: inputs.dry == false
                needs: [lint]
                status: [test -f dist/site.tar]
                parameters: {command: tar cf dist/site.tar src}
            inputs:
              dry: {type: boolean, default: false}

            """),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["show", "ship.yaml"], in: folder.path, stdout: """
            ship (ship.yaml)
              Ships the site.
              needs: lint
              precondition: sh test -d src (the sources are missing)
              up to date when: sources src/**; generates dist/site.tar

            inputs:
              dry  boolean  default: false

            steps:
              1  pack  shell
                  needs: lint
                  precondition: that inputs.dry == false
                  up to date when: status test -f dist/site.tar
                  $ tar cf dist/site.tar src

            call tree:
            ship
            ├─ needs → lint (lint.yaml)
            └─ step 1 needs → lint (lint.yaml)

            """)
    }

    @Test("show_procedure answers what show --json prints")
    func sameOverMCP() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let calls = try OneLibraryTests.mcp(folder.path, [("show", "show_procedure", .mapping(["name": .string("every_key")]))])
        let answer = try #require(calls["show"])
        #expect(answer.isError == false, "\(answer.text)")
        // The MCP server names files by their absolute paths: so does show given one.
        let shown = try ProcrunBinary.run(["show", folder.path + "/every-key.yaml", "--json"], in: folder.path)
        WholeText.expect(answer.text + "\n", equals: shown.stdout, "show_procedure's answer")
        #expect(answer.text.contains("\"file\":\"\(folder.path)/every-key.yaml\""))
    }

    @Test("show --json of every procedure in procedures/ and of the fixture validates against procrun schema show")
    func validates() throws {
        let library = try TemporaryFolder()
        defer { library.remove() }
        let copied = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", SchemaTests.repository + "/procedures/.", library.path]))
        #expect(copied.exitCode == 0)
        let fixture = try Self.library()
        defer { fixture.remove() }
        let outputs = try TemporaryFolder()
        defer { outputs.remove() }
        var documents: [String] = []
        let procedures = try FileSystem.contents(of: library.path).filter { $0.hasSuffix(".yaml") && $0 != "procrun.yaml" }.map { (library.path, $0) }
        for (folder, name) in procedures + [(fixture.path, "every-key.yaml"), (fixture.path, "callee.yaml")] {
            let shown = try ProcrunBinary.run(["show", name, "--json"], in: folder)
            #expect(shown.status == 0, "\(name): \(shown.stderr)")
            documents.append(try outputs.write("\(documents.count)-\(name).json", shown.stdout))
        }
        #expect(documents.count > 5)
        let result = try SchemaTests.validate("show", documents)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("a document that breaks the show schema is rejected")
    func rejects() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let shown = try ProcrunBinary.run(["show", "callee.yaml", "--json"], in: folder.path)
        let broken = shown.stdout.replacingOccurrences("\"on_failure\":\"abort\"", with: "\"on_failure\":\"sometimes\"")
        #expect(broken != shown.stdout)
        let file = try folder.write("broken.json", broken)
        #expect(try SchemaTests.validate("show", [file]).status != 0)
    }
}
