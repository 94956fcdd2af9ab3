import Testing

/// Which files a library holds (issue 27, point 1): only files that look like procedures (a
/// top-level `name` and `steps`), so a GitHub workflow or a tool's configuration in the folder is
/// never read as one, by any command.
@Suite("only procedures are part of a library", .serialized)
struct LibraryContentsTests {
    @Test("check of a library holding a workflow and a configuration passes; list, find and run NAME do not see them; a procedure with a mistake is still reported")
    func otherYAML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("greet.yaml", "name: greet\ndescription: Greet the world.\nsteps:\n  - action: log\n    parameters: {message: hello}\n")
        _ = try folder.write("workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n")
        _ = try folder.write("config/lint.yaml", "rules:\n  line-length: 120\n")
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: "ok: procrun.yaml: library with 0 actions\nok: greet.yaml: 'greet', 1 step\n")
        try ProcrunBinary.expect(["list", "--json"], in: folder.path, stdout: """
            {"procedures":[{"description":"Greet the world.","file":"greet.yaml","name":"greet","tags":[]}]}

            """)
        // The second search takes greet from the find cache and still never reads the others as procedures.
        for _ in 1...2 {
            try ProcrunBinary.expect(["find", "ci test", "--json"], in: folder.path, status: 1, stdout: """
                {"query":"ci test","searched":1,"matches":[],"nearest":[],"hint":"no procedure covers 'ci', 'test'; record one with procrun record NAME --description \\"ci test\\""}

                """)
        }
        try ProcrunBinary.expect(["run", "ci"], in: folder.path, status: 2, stderr: "error: no procedure named 'ci' in the library folder '.'\n")
        _ = try folder.write("broken.yaml", "name: broken\nsteps:\n  - action: lgo\n")
        try ProcrunBinary.expect(["check"], in: folder.path, status: 2, stdout: "ok: procrun.yaml: library with 0 actions\nok: greet.yaml: 'greet', 1 step\n", stderr: """
            broken.yaml:3:13: error: unknown action 'lgo'; did you mean 'log'?
              - action: lgo
                        ^
            1 problem found in 3 files

            """)
    }
}
