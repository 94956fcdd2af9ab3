import Glibc
@testable import ProcrunLanguage
import Testing

@testable import ProcrunKit

/// ``LibraryLayout``: which files of a library are procedures, and what stays inside it.
@Suite("library layout", .serialized)
struct LibraryLayoutTests {
    /// The paths inside the library of the procedure files under `folder`.
    static func procedures(_ folder: ScratchFolder) -> [String] {
        LibraryLayout.files(under: folder.path).map(\.relativePath)
    }

    @Test("every .yaml and .yml file below the root is a procedure, but procrun.yaml, hidden files and the root's archive/")
    func procedureFiles() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for name in [
            "deploy.yaml", "build.yml", "procrun.yaml", "notes.txt", ".hidden.yaml", ".procrun/runs/x.yaml", "team/api/release.yaml",
            "archive/deploy.v1.yaml", "team/archive/kept.yaml", "team/procrun.yaml",
        ] {
            try folder.write(name, "name: x\nsteps: []\n")
        }
        #expect(Self.procedures(folder) == ["build.yml", "deploy.yaml", "team/api/release.yaml", "team/archive/kept.yaml"])
    }

    @Test("only a file with top-level name: and steps: lines is a procedure: a workflow or a configuration is not, a procedure with a mistake is")
    func procedureContents() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("ci/workflow.yml", "name: CI\non: push\njobs:\n  test:\n    steps:\n      - run: make\n")
        try folder.write("tool.yaml", "indent: 2\nsteps: 4\n")
        try folder.write("broken.yaml", "\u{FEFF}# a mistake\nname: broken\nsteps:\n  - action: [\n")
        try folder.write("flow.yaml", "{name: flow, steps: []}\n")
        #expect(Self.procedures(folder) == ["broken.yaml"])
        #expect(LibraryLayout.looksLikeProcedure(Array("steps:\nname: x".utf8)))
        #expect(!LibraryLayout.looksLikeProcedure(Array(" name: x\n steps: []\n".utf8)))
    }

    @Test("a link to a file inside counts, a link out does not, and a linked folder is not entered")
    func links() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let outside = try ScratchFolder()
        defer { outside.remove() }
        try folder.write("real/one.yaml", "name: one\nsteps: []\n")
        try outside.write("two.yaml", "name: two\nsteps: []\n")
        #expect(symlink(folder.path + "/real/one.yaml", folder.path + "/alias.yaml") == 0)
        #expect(symlink(outside.path + "/two.yaml", folder.path + "/out.yaml") == 0)
        #expect(symlink(outside.path, folder.path + "/elsewhere") == 0)
        #expect(Self.procedures(folder) == ["alias.yaml", "real/one.yaml"])
    }

    @Test("a path stays inside the library once .., . and links are resolved, whether or not it exists")
    func holds() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let outside = try ScratchFolder()
        defer { outside.remove() }
        try folder.write("notes/a.txt", "")
        #expect(symlink(outside.path, folder.path + "/link") == 0)
        let root = folder.path
        #expect(LibraryLayout.holds(root + "/notes/a.txt", root: root))
        #expect(LibraryLayout.holds(root + "/new/b.txt", root: root))
        #expect(LibraryLayout.holds(root + "/notes/../c.txt", root: root))
        #expect(!LibraryLayout.holds(root + "/../escaped.txt", root: root))
        #expect(!LibraryLayout.holds(root + "/notes/../../escaped.txt", root: root))
        #expect(!LibraryLayout.holds(root + "/link/through.txt", root: root))
        #expect(!LibraryLayout.holds("/etc/passwd", root: root))
    }

    @Test("the library's own files are named as what they are; other paths are not its own")
    func ownFiles() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "{}\n")
        try folder.write("deploy.yaml", "name: deploy\nsteps: []\n")
        try folder.write("archive/deploy.v1.yaml", "name: deploy\nsteps: []\n")
        try folder.write("settings.yaml", "indent: 2\n")
        let root = folder.path
        #expect(LibraryLayout.ownFile(root + "/procrun.yaml", root: root) == "the library's procrun.yaml")
        #expect(LibraryLayout.ownFile(root + "/deploy.yaml", root: root) == "the procedure file 'deploy.yaml'")
        #expect(LibraryLayout.ownFile(root + "/.procrun/runs/x.json", root: root) == "procrun's own folder '.procrun'")
        #expect(LibraryLayout.ownFile(root + "/.procrun/locks/deploy.yaml.lock", root: root) == "procrun's own folder '.procrun'")
        #expect(LibraryLayout.ownFile(root + "/team/.procrun/locks/api.yaml.lock", root: root) == "procrun's own folder '.procrun'")
        #expect(LibraryLayout.ownFile(root + "/deploy.yaml.procrun.lock", root: root) == nil)
        #expect(LibraryLayout.ownFile(root + "/archive/deploy.v1.yaml", root: root) == nil)
        #expect(LibraryLayout.ownFile(root + "/new.yaml", root: root) == nil)
        #expect(LibraryLayout.ownFile(root + "/notes.txt", root: root) == nil)
        #expect(LibraryLayout.ownFile(root + "/settings.yaml", root: root) == nil)
    }
}
