import Testing

/// Which shell runs a command line (grammar.md, "Which shell"; issue 27, point 1): a step's
/// `shell`, else the procedure's, else `procrun.yaml`'s `defaults.shell`, else `/bin/sh`; a shell
/// is a program and its flags, as a line or a list.
@Suite("which shell", .serialized)
struct ShellDefaultTests {
    /// A step that prints the shell it runs in and which of bash's strict options are on.
    static let showShell = """
        {command: 'echo "$0"; set -o | grep -E "^(errexit|nounset|pipefail)" | while read -r name value; do echo "$name $value"; done'
        """

    @Test("defaults.shell with flags runs every command line that needs a shell; the procedure's shell wins over it, a step's over both")
    func precedence() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "defaults:\n  shell: bash -euo pipefail\n")
        _ = try folder.write("strict.yaml", """
            name: strict
            steps:
              - action: shell
                parameters: \(Self.showShell)}
              - action: shell
                parameters: {command: 'false | cat; echo not reached'}

            """)
        _ = try folder.write("lenient.yaml", """
            name: lenient
            shell: [sh]
            steps:
              - action: shell
                parameters: {command: 'false | cat; echo reached'}
              - action: shell
                parameters: \(Self.showShell), shell: "bash -u"}

            """)
        try ProcrunBinary.expect(["run", "strict", "--no-learn", "--json"], in: folder.path, status: 1, stdout: """
            {"procedure":"strict","file":"strict.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,\
            "action":"shell","status":"success","outcome":"bash\\nerrexit on\\nnounset on\\npipefail on","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":null,"action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":1,\
            "error":"expected exit code 0, got 1","attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["run", "lenient", "--no-learn", "--json"], in: folder.path, stdout: """
            {"procedure":"lenient","file":"lenient.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,\
            "action":"shell","status":"success","outcome":"reached","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":2,\
            "id":null,"action":"shell","status":"success","outcome":"bash\\nerrexit off\\nnounset on\\npipefail off","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
    }

    @Test("a shell that is not a program and its flags is an error check reports at its position; a program not on PATH fails the step as a command's does")
    func mistakes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "defaults:\n  shell: 'bash; rm -rf x'\n")
        _ = try folder.write("task.yaml", "name: task\nshell: []\nsteps:\n  - action: shell\n    parameters: {command: 'echo a; echo b', shell: 'sh -e |'}\n")
        try ProcrunBinary.expect(["check"], in: folder.path, status: 2, stderr: """
            procrun.yaml:2:10: error: expected a program and its flags for 'defaults.shell' (such as 'bash -euo pipefail' or [bash, -euo, pipefail]), found 'bash; rm -rf x'
              shell: 'bash; rm -rf x'
                     ^

            """)
        _ = try folder.write("procrun.yaml", "")
        try ProcrunBinary.expect(["check"], in: folder.path, status: 2, stdout: "ok: procrun.yaml: library with 0 actions\n", stderr: """
            task.yaml:2:8: error: expected a program and its flags for 'shell' (such as 'bash -euo pipefail' or [bash, -euo, pipefail]), found '[]'
            shell: []
                   ^
            task.yaml:5:52: error: expected a program and its flags for parameter 'shell' (such as 'bash -euo pipefail' or [bash, -euo, pipefail]), found 'sh -e |'
                parameters: {command: 'echo a; echo b', shell: 'sh -e |'}
                                                               ^
            2 problems found in 2 files

            """)
        _ = try folder.write("procrun.yaml", "defaults:\n  shell: nosuchshell -e\n")
        _ = try folder.write("task.yaml", """
            name: task
            steps:
              - action: shell
                parameters: {command: 'echo a; echo b'}
            finally:
              - action: shell
                parameters: {command: 'echo a; echo b', shell: [sh, -e]}
              - action: shell
                parameters: {command: 'echo a; echo b', shell: '{{ "sh;" }}'}

            """)
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: "ok: procrun.yaml: library with 0 actions\nok: task.yaml: 'task', 3 steps\n")
        try ProcrunBinary.expect(["run", "task", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ task (task.yaml, 3 steps)
              1/3 ✗ shell  #1  <duration>
                  error: command not found: 'nosuchshell'
              finally
              2/3 ✓ shell  #2  <duration>
              3/3 ✗ shell  #3  <duration>
                  error: expected a program and its flags for parameter 'shell', found 'sh;'
            ✗ task failed in <duration>: 1 succeeded, 2 failed; first failure: step 1

            """, normalizing: [.durations])
    }
}
