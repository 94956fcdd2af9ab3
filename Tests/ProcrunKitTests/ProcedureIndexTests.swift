@testable import ProcrunKit
@testable import ProcrunLanguage
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// The library rule: procedures are found by their top-level `name:` line, and references never
/// leave the library folder.
@Suite("procedure index", .serialized)
struct ProcedureIndexTests {
    /// A library folder with `files` (relative path → text), removed after `body`.
    func withLibrary(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-index-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", root])) }
        for (path, text) in files {
            let target = root + "/" + path
            try FileSystem.createDirectories(FileSystem.directory(of: target))
            try FileSystem.write(Array(text.utf8), to: target)
        }
        try body(root)
    }

    @Test("the name is read from the top-level name line, quoted or not, with a comment")
    func declaredNames() throws {
        try withLibrary([
            "a.yaml": "# comment\nname: alpha\nsteps: []\n",
            "b.yaml": "description: x\nname: \"beta\"  # the name\n",
            "c.yaml": "\u{FEFF}name: 'gamma'\r\nsteps: []\r\n",
            "nested.yaml": "inner:\n  name: not_top_level\n",
            "broken.yaml": "name: delta\nsteps: [\n",
        ]) { root in
            #expect(ProcedureIndex.declaredName(at: root + "/a.yaml")?.0 == "alpha")
            #expect(ProcedureIndex.declaredName(at: root + "/a.yaml")?.1.line == 2)
            #expect(ProcedureIndex.declaredName(at: root + "/b.yaml")?.0 == "beta")
            #expect(ProcedureIndex.declaredName(at: root + "/c.yaml")?.0 == "gamma")
            #expect(ProcedureIndex.declaredName(at: root + "/nested.yaml") == nil)
            #expect(ProcedureIndex.declaredName(at: root + "/broken.yaml")?.0 == "delta")
        }
    }

    @Test("subfolders are searched; procrun.yaml and hidden folders are not")
    func scan() throws {
        try withLibrary([
            "procrun.yaml": "name: config\nsteps: []\n",
            "top.yaml": "name: top\nsteps: []\n",
            "deep/er/low.yaml": "name: low\nsteps: []\n",
            ".hidden/secret.yaml": "name: secret\nsteps: []\n",
            "notes.txt": "name: text\nsteps: []\n",
        ]) { root in
            let index = ProcedureIndex(root: root)
            #expect(index.names == ["low", "top"])
            #expect(index.entriesByName["low"]?.first?.relativePath == "deep/er/low.yaml")
        }
    }

    @Test("references resolve by name or by path, never outside the library")
    func resolve() throws {
        try withLibrary(["x.yaml": "name: ex\nsteps: []\n", "sub/y.yaml": "name: why\nsteps: []\n", "dup1.yaml": "name: twin\nsteps: []\n", "dup2.yaml": "name: twin\nsteps: []\n"]) { root in
            let index = ProcedureIndex(root: root)
            func refused(_ reference: String) -> String? {
                if case .refused(let problem) = index.resolve(reference) { return problem.message }
                return nil
            }
            if case .found(let path, _) = index.resolve("why") { #expect(path == root + "/sub/y.yaml") } else { Issue.record("why not found") }
            if case .found(let path, _) = index.resolve("sub/../x.yaml") { #expect(path == root + "/x.yaml") } else { Issue.record("path not found") }
            #expect(refused("../x.yaml")?.contains("leaves the library folder") == true)
            #expect(refused("/etc/passwd")?.contains("is an absolute path") == true)
            #expect(refused("sub/../../x.yaml")?.contains("leaves the library folder") == true)
            #expect(refused("ex2")?.contains("did you mean 'ex'?") == true)
            #expect(refused("twin")?.contains("is claimed by more than one file") == true)
            #expect(refused("a b")?.contains("expected a procedure name") == true)
        }
    }

    @Test("values passed to an input are read as its type")
    func coercion() {
        #expect(InputSpec.Kind.integer.coerce(.string("3")) == .integer(3))
        #expect(InputSpec.Kind.integer.coerce(.string("many")) == nil)
        #expect(InputSpec.Kind.integer.coerce(.boolean(true)) == nil)
        #expect(InputSpec.Kind.string.coerce(.integer(3)) == .string("3"))
        #expect(InputSpec.Kind.number.coerce(.integer(2)) == .number(2))
        #expect(InputSpec.Kind.boolean.coerce(.string("true")) == .boolean(true))
        #expect(InputSpec.Kind.list.coerce(.string("a,b")) == .list(["a", "b"]))
        #expect(InputSpec.Kind.string.coerce(.list([])) == nil)
        #expect(InputSpec.Kind.integer.accepts(.string))
        #expect(!InputSpec.Kind.integer.accepts(.boolean))
    }
}
