import ProcrunKit
import Testing

/// Internal procedures (grammar.md, "The library"; issue 27, point 9): `internal: true` makes a
/// procedure a part of others, run only when one calls it; every door that starts or offers a
/// procedure on its own leaves it out.
@Suite("internal procedures", .serialized)
struct InternalProcedureTests {
    /// A library where `build` calls the internal `compile`, and nothing calls the internal `orphan`.
    static func library() throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            ("procrun.yaml", ""),
            ("build.yaml", "name: build\ndescription: builds the project\nsteps:\n  - action: compile\n    parameters: {target: release}\n"),
            (
                "compile.yaml",
                """
                name: compile
                description: compiles the sources
                internal: true
                inputs:
                  target: {default: debug}
                steps:
                  - action: shell
                    parameters: {command: "echo compiling {{ inputs.target }}"}

                """
            ),
            ("orphan.yaml", "name: orphan\ninternal: true\nsteps:\n  - action: log\n    parameters: {message: never}\n"),
        ])
    }

    @Test("the command line refuses to start an internal procedure, by name or file, naming its callers; a caller runs it")
    func notStartedAlone() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let refusal = """
            compile.yaml:3:11: error: procedure 'compile' is internal: it runs only when another procedure calls it (called by 'build')
            internal: true
                      ^

            """
        try ProcrunBinary.expect(["run", "compile"], in: folder.path, status: 2, stderr: refusal)
        try ProcrunBinary.expect(["compile"], in: folder.path, status: 2, stderr: refusal)
        try ProcrunBinary.expect(["compile.yaml"], in: folder.path, status: 2, stderr: refusal)
        try ProcrunBinary.expect(["run", "orphan", "--json"], in: folder.path, status: 2, stdout: """
            {"procedure":null,"file":"orphan","success":false,"duration_ms":0,"learned":false,"error":"orphan.yaml:2:11: procedure 'orphan' \
            is internal: it runs only when another procedure calls it (no procedure of the library calls it)","diagnostics":[{"file":\
            "orphan.yaml","line":2,"column":11,"severity":"error","id":"internal-procedure","message":"procedure 'orphan' is internal: it \
            runs only when another procedure calls it (no procedure of the library calls it)","notes":[]}],"steps":[],"outputs":{}}

            """, stderr: """
            orphan.yaml:2:11: error: procedure 'orphan' is internal: it runs only when another procedure calls it (no procedure of the library calls it)
            internal: true
                      ^

            """)
        try ProcrunBinary.expect(["run", "build", "--no-learn", "--json"], in: folder.path, stdout: """
            {"procedure":"build","file":"build.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,\
            "action":"compile","status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1,"steps":[{"step":1,"id":null,"action":"shell","status":"success","outcome":"compiling release",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]}],"outputs":{}}

            """, normalizing: [.durationFields])
    }

    @Test("list, find and the skills export leave internal procedures out; show says it is internal; check warns about one nothing calls")
    func notOffered() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["list"], in: folder.path, stdout: """
            NAME   DESCRIPTION         TAGS  FILE
            build  builds the project        build.yaml

            """)
        try ProcrunBinary.expect(["list", "--json"], in: folder.path, stdout: """
            {"procedures":[{"aliases":[],"description":"builds the project","file":"build.yaml","name":"build","tags":[]}]}

            """)
        try ProcrunBinary.expect(["find", "compile the sources"], in: folder.path, status: 1, stdout: """
            no procedure matches 'compile the sources' well enough (3 searched)
            nearest: build (lacks 'sources')
            no procedure covers 'sources'; record one with procrun record NAME --description "compile the sources"

            """)
        let mcp = MCPToolbox(root: folder.path).call("find_procedures", arguments: ["task": .string("compile the sources")])
        #expect(!mcp.text.contains("compile.yaml"), "\(mcp.text)")
        let output = try TemporaryFolder()
        defer { output.remove() }
        try ProcrunBinary.expect(["export", "--skills", output.path + "/skills", "--json"], in: folder.path, stdout: """
            {"removed":[],"superseded":[],"unchanged":[],"written":["<output>/skills/build/build.yaml","<output>/skills/build/SKILL.md"]}

            """, normalizing: [.path(output.path, as: "<output>")])
        try ProcrunBinary.expect(["show", "compile"], in: folder.path, stdout: """
            compile (compile.yaml)
              compiles the sources
              internal: runs only when another procedure calls it

            inputs:
              target  string  default: debug

            steps:
              1  #1  shell
                  $ echo compiling {{ inputs.target }}

            call tree:
            compile
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: """
            ok: procrun.yaml: library with 0 actions
            ok: build.yaml: 'build', 1 step, calls 1 procedure
            ok: compile.yaml: 'compile', 1 step
            ok: orphan.yaml: 'orphan', 1 step

            """, stderr: """
            orphan.yaml:2:11: warning: procedure 'orphan' is internal, but no procedure of the library calls it, so it never runs
            internal: true
                      ^

            """)
    }

    @Test("'internal' written where the library's line reading would not see what the file says is an error")
    func headerLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("weird.yaml", "name: weird\ninternal: !!bool true\nsteps:\n  - action: log\n    parameters: {message: x}\n")
        try ProcrunBinary.expect(["check", "weird.yaml"], in: folder.path, status: 2, stderr: """
            weird.yaml:2:11: error: write 'internal' as a top-level line of its own ('internal: true'): the library reads it from that line without parsing the file
            internal: !!bool true
                      ^
            1 problem found in 1 file

            """)
    }
}
