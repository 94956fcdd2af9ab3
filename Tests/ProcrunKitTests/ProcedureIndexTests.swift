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

    @Test("the header: 'internal: true' is read from its top-level line, anywhere in the file; the last one counts")
    func header() {
        func header(_ text: String) -> ProcedureIndex.Header? { ProcedureIndex.Header.read(Array(text.utf8)) }
        #expect(header("name: a\nsteps: []\ninternal: true\n")?.internalAt == SourceLocation(line: 3, column: 11, offset: 28))
        #expect(header("internal: true # part of build\r\nname: a\r\n")?.isInternal == true)
        #expect(header("name: a\ninternal: false\n")?.isInternal == false)
        #expect(header("name: a\ninternal: true\ninternal: false\n")?.isInternal == false)
        #expect(header("name: a\nsteps:\n  internal: true\n")?.isInternal == false)
        #expect(header("internal: true\n") == nil)
    }

    @Test("the header says whether a top-level steps line is there, in the same pass; read for its name only, it stops at the name")
    func headerSteps() {
        func header(_ text: String, nameOnly: Bool = false) -> ProcedureIndex.Header? { ProcedureIndex.Header.read(Array(text.utf8), nameOnly: nameOnly) }
        #expect(header("name: a\nsteps: []\n")?.hasSteps == true)
        #expect(header("steps:\n  - action: log\nname: a\n")?.hasSteps == true)
        #expect(header("name: a\njobs:\n  steps: []\n")?.hasSteps == false)
        #expect(header("name: a\nsteps_x: 1\n")?.hasSteps == false)
        #expect(header("name: a\ninternal: true\n", nameOnly: true)?.isInternal == false)
        #expect(header("name: a\ninternal: true\n", nameOnly: true)?.name == "a")
    }

    @Test("the header: aliases from a flow list, one name or a block list right under the key, each where it is written")
    func headerAliases() {
        func aliases(_ text: String) -> [String] { ProcedureIndex.Header.read(Array(text.utf8))?.aliases.map(\.value) ?? ["?"] }
        #expect(aliases("name: a\naliases: [b, 'c' , \"d\"]  # short\n") == ["b", "c", "d"])
        #expect(aliases("name: a\naliases: b\n") == ["b"])
        #expect(aliases("name: a\naliases:\n  - b\n  - c # two\nsteps: []\n") == ["b", "c"])
        #expect(aliases("name: a\naliases:\n- b\nsteps:\n  - action: x\n") == ["b"])
        #expect(aliases("name: a\naliases: []\n- b\n") == [])
        let located = ProcedureIndex.Header.read(Array("name: a\naliases: [b, 'cd']\n".utf8))?.aliases.map(\.location)
        #expect(located == [SourceLocation(line: 2, column: 11, offset: 18), SourceLocation(line: 2, column: 15, offset: 22)])
    }

    @Test("an alias is one more name its file claims: resolved as the name, clashing with another file's name or alias")
    func aliasClaims() throws {
        try withLibrary(["a.yaml": "name: build\naliases: [b]\nsteps: []\n", "c.yaml": "name: check\naliases: [b, c]\nsteps: []\n"]) { root in
            let index = ProcedureIndex(root: root)
            #expect(index.entries.map(\.name) == ["build", "check"])
            #expect(index.names == ["b", "build", "c", "check"])
            guard case .found(let path, _) = index.resolve("c") else { Issue.record("c not found"); return }
            #expect(path.hasSuffix("/c.yaml"))
            #expect(index.clash("b")?.message.contains("(\(root)/a.yaml and \(root)/c.yaml)") == true)
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
