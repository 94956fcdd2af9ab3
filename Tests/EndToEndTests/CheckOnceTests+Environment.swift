import ProcrunKit
import Testing

extension CheckOnceTests {
    @Test("procrun.yaml's env reads a variable written above it; a misspelt one is suggested among the file's, not the process's")
    func libraryEnvironment() throws {
        let procedure = ("p.yaml", "name: p\nsteps:\n  - id: s\n    action: shell\n    parameters: {command: test \"$BIN\" = /opt/bin}\n")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(procedure.0, procedure.1)
        try folder.write("procrun.yaml", "env:\n  ROOT: /opt\n  BIN: \"{{ env.ROOT }}/bin\"\n")
        try ProcrunBinary.expect(
            ["check", "--library", "."], in: folder.path, stdout: "ok: procrun.yaml: library with 0 actions\nok: p.yaml: 'p', 1 step\n")
        try ProcrunBinary.expect(["p", "--library", ".", "--quiet"], in: folder.path)
        // ROTS and LIB_DIRS, process variables, are as near as ROOT is: only the file's names are suggested.
        try expectCheck(
            [procedure, ("procrun.yaml", "env:\n  ROOT: /opt\n  BIN: \"{{ env.ROTT }}/bin\"\n  LIB: \"{{ env.LIB_DIR }}\"\n")],
            environment: [("ROTS", "x"), ("LIB_DIRS", "y")],
            stderr: """
                procrun.yaml:3:12: error: undefined name 'env.ROTT'; did you mean 'env.ROOT'?
                  BIN: "{{ env.ROTT }}/bin"
                           ^
                procrun.yaml:4:12: error: undefined name 'env.LIB_DIR'
                  LIB: "{{ env.LIB_DIR }}"
                           ^

                """)
    }
}
