import ProcrunKit
import Testing

/// `procrun a b c` (issue 25, point 3): several procedures in order, up to the first failure or all
/// of them with `--keep-going`, each taking the inputs it declares; and "did you mean" for the
/// command names other tools use.
@Suite("several procedures", .serialized)
struct SeveralProceduresTests {
    /// A folder with `lint` and `deploy` (which succeed and leave a marker file) and `test`, which fails.
    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "")
        for name in ["lint", "deploy"] {
            try folder.write("\(name).yaml", """
                name: \(name)
                inputs:
                  who: {type: string, default: world}
                steps:
                  - action: write_file
                    parameters: {path: \(name)-ran, content: "{{ inputs.who }}"}

                """)
        }
        try folder.write("test.yaml", """
            name: test
            inputs:
              level: {type: integer, default: 1}
            steps:
              - action: assert
                parameters: {that: inputs.level > 1, message: level too low}

            """)
        return folder
    }

    @Test("procrun a b c runs them in order and stops at the first failure; the summary names it and what did not run")
    func stopsAtFirstFailure() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["lint", "test", "deploy", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ lint (lint.yaml, 1 step)
              1/1 ✓ write_file  #1  <duration>
            ✓ lint succeeded in <duration>: 1 succeeded
            ▶ test (test.yaml, 1 step)
              1/1 ✗ assert  #1  <duration>
                  error: level too low (left: 1, right: 1)
            ✗ test failed in <duration>: 0 succeeded, 1 failed; first failure: step 1
            ✗ 1 of 3 procedures failed: test; not run: deploy

            """, normalizing: [.durations])
        #expect(folder.exists("lint-ran") && !folder.exists("deploy-ran"))
    }

    @Test("--keep-going runs them all; --set goes to each procedure that declares the input; the exit code is the worst")
    func keepGoing() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["run", "lint", "test", "deploy", "--keep-going", "--quiet", "--no-learn", "--set", "who=Ada"], in: folder.path, status: 1, stderr: """
            test.yaml: step 1 (assert) failed: level too low (left: 1, right: 1)

            """)
        #expect(try folder.read("lint-ran") == "Ada" && folder.read("deploy-ran") == "Ada")
        try ProcrunBinary.expect(["lint", "test", "--quiet", "--no-learn", "--set", "level=2", "--set", "who=Bo"], in: folder.path)
        #expect(try folder.read("lint-ran") == "Bo")
    }

    @Test("nothing runs when one procedure is invalid, an input is declared by none of them, or an option takes one procedure")
    func checkedBeforeAnyRuns() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write("broken.yaml", "name: broken\nsteps:\n  - action: lgo\n")
        try ProcrunBinary.expect(["lint", "broken", "--no-learn"], in: folder.path, status: 2, stderr: """
            broken.yaml:3:13: error: unknown action 'lgo'; did you mean 'log'?
              - action: lgo
                        ^

            """)
        let json = try ProcrunBinary.run(["lint", "broken", "--json", "--no-learn"], in: folder.path)
        #expect(json.status == 2)
        #expect(json.stdout.hasPrefix(#"{"procedure":null,"file":"broken","success":false,"#), "\(json.stdout)")
        try ProcrunBinary.expect(["lint", "test", "--no-learn", "--set", "levle=3", "--resume"], in: folder.path, status: 2, stderr: """
            error: --resume works on one procedure, found 2; run them one at a time

            """)
        try ProcrunBinary.expect(["lint", "test", "--no-learn", "--set", "levle=3"], in: folder.path, status: 2, stderr: """
            error: --set levle: none of the procedures 'lint', 'test' has an input 'levle'; did you mean 'level'?

            """)
        #expect(!folder.exists("lint-ran"))
    }

    @Test("with --json, several procedures print one JSON array of their reports")
    func jsonArray() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["lint", "deploy", "--json", "--no-learn"], in: folder.path, stdout: """
            [{"procedure":"lint","file":"lint.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,"action":"write_file","status":"success","outcome":"<tmp>/lint-ran","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}},\
            {"procedure":"deploy","file":"deploy.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,"action":"write_file","status":"success","outcome":"<tmp>/deploy-ran","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}]

            """, normalizing: [.durationFields, .temporaryFolders])
    }

    @Test("a command name from other tools gets 'did you mean' the procrun command; a procedure of that name runs")
    func commandHabits() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        for (habit, command) in [("init", "new"), ("ls", "list"), ("exec", "run"), ("validate", "check"), ("version", "--version")] {
            try ProcrunBinary.expect([habit], in: folder.path, status: 2, stderr: """
                error: '\(habit)' is neither a command nor a procedure of the library; did you mean 'procrun \(command)'?

                """)
        }
        try folder.write("init.yaml", "name: init\nsteps:\n  - action: write_file\n    parameters: {path: init-ran, content: yes}\n")
        try ProcrunBinary.expect(["init", "--quiet", "--no-learn"], in: folder.path)
        #expect(folder.exists("init-ran"))
    }
}
