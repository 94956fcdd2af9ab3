import ProcrunKit
import Testing

/// Issue 25, point 1: the library is found from any folder of a repository, by one rule that every
/// command uses (grammar.md, The library): `--library`, else `PROCRUN_LIBRARY`, else upward from the
/// current folder to the repository's root, `procrun.yaml` or `procedures/procrun.yaml`.
@Suite("the library from any folder")
struct LibraryDiscoveryTests {
    /// A repository (a `.git` folder is all it takes) with `procedures/procrun.yaml`, one procedure
    /// and a deep subfolder; `procrun.yaml` and a procedure above the repository, which must not count.
    static func repository(withProcedures: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "# above the repository: not its library\n")
        try folder.write("above.yaml", "name: above\nsteps:\n  - action: log\n    parameters: {message: never}\n")
        try folder.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        if withProcedures {
            try folder.write("repo/procedures/procrun.yaml", "# the team's procedures\n")
            try folder.write("repo/procedures/greet.yaml", OneLibraryTests.greet)
        }
        try folder.write("repo/calc/deep/notes.txt", "work happens here\n")
        return folder
    }

    @Test("from a subfolder of the repository, list and a procedure's name find procedures/ at its root")
    func fromSubfolder() throws {
        let folder = try Self.repository()
        defer { folder.remove() }
        let deep = folder.path + "/repo/calc/deep"
        try ProcrunBinary.expect(["list"], in: deep, stdout: """
            NAME   DESCRIPTION             TAGS  FILE
            greet  Greet someone by name.        ../../procedures/greet.yaml

            """)
        try ProcrunBinary.expect(["greet", "--no-learn", "--set", "who=ada"], in: deep, stdout: """
            ▶ greet (../../procedures/greet.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  hello, ada
            ✓ greet succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
    }

    @Test("PROCRUN_LIBRARY names the library when --library is not given; --library wins over it")
    func environmentVariable() throws {
        let folder = try Self.repository()
        defer { folder.remove() }
        try folder.write("other/procrun.yaml", "")
        try folder.write("other/hello.yaml", "name: hello\ndescription: Say hello.\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        let library = [("PROCRUN_LIBRARY", folder.path + "/repo/procedures")]
        try ProcrunBinary.expect(["list"], in: folder.path + "/other", environment: library, stdout: """
            NAME   DESCRIPTION             TAGS  FILE
            greet  Greet someone by name.        <library>/greet.yaml

            """, normalizing: [.path(folder.path + "/repo/procedures", as: "<library>")])
        try ProcrunBinary.expect(["list", "--library", "."], in: folder.path + "/other", environment: library, stdout: """
            NAME   DESCRIPTION  TAGS  FILE
            hello  Say hello.         hello.yaml

            """)
    }

    @Test("the search stops at the repository's root: a procrun.yaml above it is not the repository's library")
    func stopsAtRepositoryRoot() throws {
        let folder = try Self.repository(withProcedures: false)
        defer { folder.remove() }
        try ProcrunBinary.expect(["list"], in: folder.path + "/repo/calc", stdout: "no procedures in the library folder '.'\n")
    }
}

/// Issue 25, point 3: `procrun` alone runs the library's `default:` procedure, else lists them.
@Suite("procrun alone")
struct BareCommandTests {
    @Test("procrun alone runs procrun.yaml's default procedure, from any folder of the repository")
    func runsDefault() throws {
        let folder = try LibraryDiscoveryTests.repository()
        defer { folder.remove() }
        try folder.write("repo/procedures/procrun.yaml", "default: greet\n")
        try ProcrunBinary.expect([], in: folder.path + "/repo/calc", stdout: """
            ▶ greet (../procedures/greet.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  hello, world
            ✓ greet succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
    }

    @Test("procrun alone lists the procedures when procrun.yaml names no default; a default that is no name is refused")
    func listsWithoutDefault() throws {
        let folder = try LibraryDiscoveryTests.repository()
        defer { folder.remove() }
        try ProcrunBinary.expect([], in: folder.path + "/repo", stdout: """
            NAME   DESCRIPTION             TAGS  FILE
            greet  Greet someone by name.        procedures/greet.yaml

            """)
        try folder.write("repo/procedures/procrun.yaml", "default: [greet]\n")
        try ProcrunBinary.expect([], in: folder.path + "/repo", status: 2, stderr: """
            procedures/procrun.yaml:1:10: error: expected a string for 'default', found a list
            default: [greet]
                     ^

            """)
    }
}
