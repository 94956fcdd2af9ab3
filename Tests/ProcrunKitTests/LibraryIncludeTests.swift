@testable import ProcrunLanguage
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// `include:` (grammar.md, "Includes"): the names of included libraries, prefixed, resolved by the
/// one name index, and the library each file belongs to.
@Suite("library includes", .serialized)
struct LibraryIncludeTests {
    /// A folder with `files` (relative path → text), removed after `body`.
    func withFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        try ProcedureIndexTests().withLibrary(files, body)
    }

    /// `main` includes `docs` (which includes `api` as `ref`); `docs/inner` is a subfolder of
    /// `main` included as `in`.
    static let files = [
        "main/procrun.yaml": "include:\n  docs: ../docs\n  in: inner\n",
        "main/release.yaml": "name: release\nsteps: []\n",
        "main/inner/part.yaml": "name: part\nsteps: []\n",
        "docs/procrun.yaml": "include: {ref: ../api}\n",
        "docs/build.yaml": "name: build\naliases: [b]\nsteps: []\n",
        "docs/prepare.yaml": "name: prepare\ninternal: true\nsteps: []\n",
        "api/gen.yaml": "name: gen\nsteps: []\n",
    ]

    @Test("included procedures answer to PREFIX:NAME (aliases too, nested prefixes too); an included folder inside the library is not its own")
    func names() throws {
        try withFolder(Self.files) { root in
            let library = try Library.load(config: root + "/main/procrun.yaml", root: root + "/main")
            #expect(library.includes.map(\.prefix.value) == ["docs", "in"])
            #expect(library.includes.first?.library.root == root + "/docs")
            let index = ProcedureIndex(library: library)
            #expect(index.names == ["docs:b", "docs:build", "docs:prepare", "docs:ref:gen", "in:part", "release"])
            #expect(index.listed.map(\.name) == ["docs:build", "docs:ref:gen", "in:part", "release"])
            guard case .found(let path, let key) = index.resolve("docs:ref:gen") else { Issue.record("docs:ref:gen not found"); return }
            #expect(path == root + "/api/gen.yaml")
            let owner = index.owner(ofKey: key)
            #expect(owner.root == root + "/api")
            #expect(owner.names == ["gen"])
            guard case .found(_, let partKey) = index.resolve("in:part") else { Issue.record("in:part not found"); return }
            #expect(index.owner(ofKey: partKey).root == root + "/main/inner")
        }
    }

    @Test("an unknown prefix, or a name the included library lacks, says so with did you mean")
    func unknown() throws {
        try withFolder(Self.files) { root in
            let index = ProcedureIndex(library: try Library.load(config: root + "/main/procrun.yaml", root: root + "/main"))
            func refused(_ reference: String) -> String? {
                if case .refused(let problem) = index.resolve(reference) { return problem.message }
                return nil
            }
            #expect(refused("doc:build") == "no procedure named 'doc:build': the library folder '\(root)/main' includes no library as 'doc'; did you mean 'docs'?")
            #expect(refused("docs:buld") == "no procedure named 'docs:buld' in the library folder '\(root)/docs'; did you mean 'docs:build'?")
            #expect(refused("docs:ref:gne") == "no procedure named 'docs:ref:gne' in the library folder '\(root)/api'; did you mean 'docs:ref:gen'?")
            #expect(refused("docs:") == "expected a procedure name or a path inside the library for 'procedure', found 'docs:'")
        }
    }

    @Test("include entries are checked when procrun.yaml is read: a missing folder, no library, a bad prefix, a cycle")
    func mistakes() throws {
        try withFolder([
            "a/procrun.yaml": "include:\n  b: ../b\n  gone: ../nowhere\n  empty: ../empty\n  \"not a prefix\": ../b\n",
            "b/procrun.yaml": "include:\n  a: ../a\n",
            "empty/notes.txt": "nothing\n",
        ]) { root in
            do throws(DiagnosticsError) {
                _ = try Library.load(config: root + "/a/procrun.yaml", root: root + "/a")
                Issue.record("loaded")
            } catch {
                #expect(error.diagnostics.map(\.message) == [
                    "include cycle: \(root)/a › \(root)/b › \(root)/a; a library may not include itself, directly or through others",
                    "the folder '../nowhere' of include 'gone' does not exist (looked for \(root)/a/../nowhere); a relative path is taken from the folder of the file that sets it",
                    "the folder '../empty' of include 'empty' holds no library: neither a procrun.yaml nor a procedure file",
                    "include prefix names must be letters, digits, '_' and '-' starting with a letter, found 'not a prefix'",
                ])
                #expect(error.diagnostics.first?.path == root + "/b/procrun.yaml")
                #expect(error.diagnostics.first?.notes.first?.path == root + "/a/procrun.yaml")
            }
        }
    }

    @Test("tidy takes NAME/.. out of a path")
    func tidy() {
        #expect(Library.tidy("procedures/../docs/procedures") == "docs/procedures")
        #expect(Library.tidy("../docs") == "../docs")
        #expect(Library.tidy("a/b/../../c") == "c")
        #expect(Library.tidy("/x/../y") == "/y")
        #expect(Library.tidy("a/..") == ".")
    }
}
