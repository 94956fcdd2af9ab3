import ProcrunKit
import Testing

/// Procedures calling procedures (issue 3), run through the binary on the libraries in
/// Fixtures/compose.
@Suite("procedures call procedures", .serialized)
struct ComposeTests {
    /// What `check` prints after the diagnostics of one problem, and `run` does not.
    static func count(_ command: String) -> String {
        command == "check" ? "1 problem found in 1 file\n" : ""
    }

    @Test("a nested call passes inputs and reads outputs, in both forms and by path")
    func nestedCall() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        try ProcrunBinary.expect(["run", "release.yaml", "--json"], in: library.path, stdout: """
            {"procedure":"release","file":"release.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"first","action":"replay_procedure","status":"success","outcome":"{\\"greeting\\":\\"hello Ada x2\\"}",\
            "duration_ms":<ms>,"error":null,"attempts":1,"outputs":{"greeting":"hello Ada x2"},"steps":[{"step":1,"id":"text",\
            "action":"set","status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":"upper",\
            "action":"set","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":3,"id":"say",\
            "action":"shout","status":"success","outcome":"hello Ada x2!","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1}]},{"step":2,"id":"second","action":"greet","status":"success",\
            "outcome":"{\\"greeting\\":\\"HELLO GRACE X1\\"}","duration_ms":<ms>,"error":null,"attempts":1,\
            "outputs":{"greeting":"HELLO GRACE X1"},"steps":[{"step":1,"id":"text","action":"set","status":"success","outcome":"",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":"upper","action":"set","status":"success","outcome":"",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":3,"id":"say","action":"shout","status":"success",\
            "outcome":"HELLO GRACE X1!","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]},{"step":3,"id":"by_path",\
            "action":"replay_procedure","status":"success","outcome":"{\\"greeting\\":\\"hello Linus x1\\"}","duration_ms":<ms>,\
            "error":null,"attempts":1,"outputs":{"greeting":"hello Linus x1"},"steps":[{"step":1,"id":"text","action":"set",\
            "status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":"upper","action":"set",\
            "status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":3,"id":"say","action":"shout",\
            "status":"success","outcome":"hello Linus x1!","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]},{"step":4,\
            "id":null,"action":"assert","status":"success","outcome":"true","duration_ms":<ms>,"error":null,"attempts":1},{"step":5,\
            "id":null,"action":"write_file","status":"success","outcome":"<tmp>/result.txt","duration_ms":<ms>,"error":null,\
            "attempts":1}],"outputs":{"both":"hello Ada x2 + HELLO GRACE X1"}}

            """, normalizing: [.durationFields, .temporaryFolders])
        #expect(try library.folder.read("result.txt") == "hello Ada x2 / HELLO GRACE X1")

        try ProcrunBinary.expect(["check", "release.yaml"], in: library.path, stdout: "ok: release.yaml: 'release', 5 steps, calls 1 procedure\n")
    }

    @Test("the terminal view indents a nested procedure's steps under its call step")
    func terminalNesting() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        try ProcrunBinary.expect(["run", "release.yaml", "--set", "who=Ada"], in: library.path, stdout: """
            ▶ release (release.yaml, 5 steps)
              1/5 ↳ replay_procedure  first    calls greet (helpers/greet.yaml)
                  1/3 ✓ set    text   <duration>
                  2/3 - set    upper  skipped
                  3/3 ✓ shout  say    <duration>
              1/5 ✓ replay_procedure  first    <duration>
              2/5 ↳ greet             second   calls greet (helpers/greet.yaml)
                  1/3 ✓ set    text   <duration>
                  2/3 ✓ set    upper  <duration>
                  3/3 ✓ shout  say    <duration>
              2/5 ✓ greet             second   <duration>
              3/5 ↳ replay_procedure  by_path  calls greet (helpers/greet.yaml)
                  1/3 ✓ set    text   <duration>
                  2/3 - set    upper  skipped
                  3/3 ✓ shout  say    <duration>
              3/5 ✓ replay_procedure  by_path  <duration>
              4/5 ✓ assert            #4       <duration>
              5/5 ✓ write_file        #5       <duration>
            ✓ release succeeded in <duration>: 9 succeeded, 2 skipped

            """, normalizing: [.durations])
    }

    /// What a run of three-levels/top.yaml prints: a failure three levels down.
    static let threeLevelsRun = """
        ▶ top (top.yaml, 3 steps)
          1/3 ✓ log         prepare  <duration>
              starting
          2/3 ↳ middle      mid      calls middle (inner/middle.yaml)
              1/1 ↳ replay_procedure  low  calls bottom (inner/bottom.yaml)
                  1/2 ✓ shell  fine         <duration>
                  2/2 ✗ shell  build_image  <duration>
                      error: expected exit code 0, got 3: no space left
                      │ no space left
              1/1 ✗ replay_procedure  low  <duration>
                  error: middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left
          2/3 ✗ middle      mid      <duration>
              error: top › middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left
        ✗ top failed in <duration>: 2 succeeded, 1 failed, 1 not run; first failure: step 2 (mid)

        """

    @Test("a failure three levels down names the chain and the failing step's position; the JSON nests")
    func threeLevels() throws {
        let library = try ComposeFixture("three-levels")
        defer { library.remove() }
        try ProcrunBinary.expect(["run", "top.yaml"], in: library.path, status: 1, stdout: Self.threeLevelsRun, normalizing: [.durations])
        #expect(!library.folder.exists("after-marker"))

        try ProcrunBinary.expect(["run", "top.yaml", "--json"], in: library.path, status: 1, stdout: """
            {"procedure":"top","file":"top.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"prepare","action":"log","status":"success","outcome":"starting","duration_ms":<ms>,"error":null,"attempts":1},\
            {"step":2,"id":"mid","action":"middle","status":"failed","outcome":"","duration_ms":<ms>,\
            "error":"top › middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0,\
             got 3: no space left","attempts":1,"chain":["top","middle","bottom","build_image"],"failed_at":"inner/bottom.yaml:8:5",\
            "steps":[{"step":1,"id":"low","action":"replay_procedure","status":"failed","outcome":"","duration_ms":<ms>,\
            "error":"middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left",\
            "attempts":1,"chain":["middle","bottom","build_image"],"failed_at":"inner/bottom.yaml:8:5","steps":[{"step":1,\
            "id":"fine","action":"shell","status":"success","outcome":"ok release","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1},{"step":2,"id":"build_image","action":"shell","status":"failed","outcome":"","duration_ms":<ms>,\
            "exit_code":3,"error":"expected exit code 0, got 3: no space left","attempts":1}]}]}],"outputs":{}}

            """, normalizing: [.durationFields])

        try ProcrunBinary.expect(["run", "top.yaml", "--quiet"], in: library.path, status: 1, stderr: """
            top.yaml: step 2 (mid) failed: top › middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left

            """)
    }

    @Test("A → B → A is rejected by check and before any step runs", arguments: ["check", "run"])
    func cycle(command: String) throws {
        let library = try ComposeFixture("cycle")
        defer { library.remove() }
        try ProcrunBinary.expect(
            [command, "a.yaml"], in: library.path, status: 2,
            stderr: """
                b.yaml:7:29: error: procedure call cycle: a › b › a; a procedure may not call itself, directly or through others
                    parameters: {procedure: a}
                                            ^
                a.yaml:6:13: note: 'a' calls 'b' here
                    action: b
                            ^
                note: 'b' calls 'a' here, which closes the cycle

                """ + Self.count(command))
        #expect(!library.anythingRan)
    }

    @Test("self-recursion is rejected by check and before any step runs", arguments: ["check", "run"])
    func selfRecursion(command: String) throws {
        let library = try ComposeFixture("self-recursion")
        defer { library.remove() }
        try ProcrunBinary.expect(
            [command, "loop.yaml"], in: library.path, status: 2,
            stderr: """
                loop.yaml:6:13: error: procedure 'loop' calls itself: loop › loop; a procedure may not call itself, directly or through others
                    action: loop
                            ^
                note: 'loop' calls 'loop' here, which closes the cycle

                """ + Self.count(command))
        #expect(!library.anythingRan)
    }

    @Test("a diamond is not a cycle: it runs, and the shared callee runs once per call")
    func diamond() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        try ProcrunBinary.expect(["check", "a.yaml"], in: library.path, stdout: "ok: a.yaml: 'a', 2 steps, calls 3 procedures\n")
        try ProcrunBinary.expect(["run", "a.yaml"], in: library.path, stdout: """
            ▶ a (a.yaml, 2 steps)
              1/2 ↳ b  left   calls b (b.yaml)
                  1/1 ↳ d  #1  calls d (d.yaml)
                      1/1 ✓ write_file  #1  <duration>
                  1/1 ✓ d  #1  <duration>
              1/2 ✓ b  left   <duration>
              2/2 ↳ c  right  calls c (c.yaml)
                  1/1 ↳ d  #1  calls d (d.yaml)
                      1/1 ✓ write_file  #1  <duration>
                  1/1 ✓ d  #1  <duration>
              2/2 ✓ c  right  <duration>
            ✓ a succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        #expect(try library.folder.read("visits.txt") == "d from b\nd from c\n")
    }

    @Test("a missing procedure is an error with did-you-mean, in both forms")
    func missing() throws {
        let library = try ComposeFixture("missing")
        defer { library.remove() }
        try ProcrunBinary.expect(["run", "main.yaml"], in: library.path, status: 2, stderr: """
            main.yaml:6:29: error: no procedure named 'deploy_bakend' in the library folder '.'; did you mean 'deploy_backend'?
                parameters: {procedure: deploy_bakend}
                                        ^
            main.yaml:7:13: error: unknown action 'deploy_bakend'; did you mean 'deploy_backend'?
              - action: deploy_bakend
                        ^

            """)
        #expect(!library.anythingRan)
    }

    @Test(
        "a reference cannot leave the library",
        arguments: [
            ("parent.yaml", "../../etc/passwd", "leaves the library folder '.'"),
            ("absolute.yaml", "/etc/passwd", "is an absolute path; a reference is a procedure name or a path inside the library folder '.'"),
            ("inner.yaml", "sub/../../outside.yaml", "leaves the library folder '.'"),
        ])
    func traversal(file: String, reference: String, problem: String) throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        for command in ["check", "run"] {
            try ProcrunBinary.expect(
                [command, file], in: library.path, status: 2,
                stderr: """
                    \(file):6:29: error: procedure reference '\(reference)' \(problem)
                        parameters: {procedure: \(reference)}
                                                ^

                    """ + Self.count(command))
        }
        #expect(!library.anythingRan)
    }

    @Test("a templated reference that resolves outside the library fails the run before step 1, at the template")
    func templatedTraversal() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        try ProcrunBinary.expect(["run", "templated.yaml"], in: library.path, stdout: """
            ▶ templated (templated.yaml, 2 steps)
              1/2 ↳ replay_procedure  call  calls ok (sub/ok.yaml)
                  1/1 ✓ log  #1  <duration>
                      inside the library
              1/2 ✓ replay_procedure  call  <duration>
              2/2 ✓ shell             #2    <duration>
            ✓ templated succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        try library.folder.write("ran-marker", "")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["rm", library.path + "/ran-marker"]))

        try ProcrunBinary.expect(["run", "templated.yaml", "--set", "target=../../../etc/passwd"], in: library.path, status: 2, stdout: """
            ▶ templated (templated.yaml, 2 steps)
            ✗ templated failed in <duration>: 0 succeeded, 2 not run
              error: templated.yaml:7:30: procedure reference '../../../etc/passwd' leaves the library folder '.'

            """, normalizing: [.durations])
        #expect(!library.anythingRan)
    }

    @Test("a symbolic link out of the library is refused")
    func symlinkTraversal() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("evil.yaml", "name: evil\nsteps:\n  - {action: shell, parameters: {command: touch ran-marker}}\n")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["ln", "-s", outside.path + "/evil.yaml", library.path + "/sub/link.yaml"]))
        try ProcrunBinary.expect(["run", "templated.yaml", "--set", "target=sub/link.yaml"], in: library.path, status: 2, stdout: """
            ▶ templated (templated.yaml, 2 steps)
            ✗ templated failed in <duration>: 0 succeeded, 2 not run
              error: templated.yaml:7:30: procedure reference 'sub/link.yaml' resolves outside the library folder '.' (through a symbolic link)

            """, normalizing: [.durations])
        #expect(!outside.exists("ran-marker"))
    }

    @Test("a syntax error in a called file is reported at its own file:line:col", arguments: ["check", "run"])
    func nestedSyntaxError(command: String) throws {
        let library = try ComposeFixture("nested-syntax")
        defer { library.remove() }
        try ProcrunBinary.expect(
            [command, "main.yaml"], in: library.path, status: 2,
            stderr: """
                broken.yaml:4:27: error: syntax: the quoted scalar opened here is never closed: expected a closing double quote, found the end of the file
                    parameters: {message: "never closed}
                                          ^
                main.yaml:5:13: note: called from here
                  - action: broken
                            ^

                """ + Self.count(command))
        #expect(!library.anythingRan)
    }

    @Test("inputs are checked against the callee's declarations; errors name the call site and the declaration")
    func inputMismatch() throws {
        let library = try ComposeFixture("type-mismatch")
        defer { library.remove() }
        // What check and run print, but the count check adds.
        let diagnostics = """
            main.yaml:8:42: error: input 'replicas' of procedure 'scale' expects an integer, found the string 'many'
                parameters: {service: api, replicas: many}
                                                     ^
            scale.yaml:4:3: note: input 'replicas' is declared here
              replicas: {type: integer, default: 1}
              ^
            main.yaml:12:40: error: input 'replicas' of procedure 'scale' expects an integer, found a boolean
                  inputs: {service: api, replicas: "{{ inputs.fast }}"}
                                                   ^
            scale.yaml:4:3: note: input 'replicas' is declared here
              replicas: {type: integer, default: 1}
              ^
            main.yaml:13:13: error: procedure 'scale' needs input 'service'; pass it in 'parameters'
              - action: scale
                        ^
            scale.yaml:3:3: note: input 'service' is declared here
              service: {type: string, required: true}
              ^

            """
        try ProcrunBinary.expect(["check", "main.yaml"], in: library.path, status: 2, stderr: diagnostics + "3 problems found in 1 file\n")
        try ProcrunBinary.expect(["run", "main.yaml"], in: library.path, status: 2, stderr: diagnostics)
        #expect(!library.anythingRan)
    }

    @Test("two files claiming one name is an error listing both")
    func duplicateNames() throws {
        let library = try ComposeFixture("duplicate")
        defer { library.remove() }
        try ProcrunBinary.expect(["check", "main.yaml"], in: library.path, status: 2, stderr: """
            main.yaml:3:13: error: procedure name 'helper' is claimed by more than one file (helper.yaml and team/helper-copy.yaml); names must be unique in a library
              - action: helper
                        ^
            helper.yaml:1:7: note: also claimed here
            name: helper
                  ^
            1 problem found in 1 file

            """)
        // Each claim is shown where it is written.
    }

    @Test("a call step's timeout bounds the whole callee")
    func callTimeout() throws {
        let library = try ComposeFixture("call-timeout")
        defer { library.remove() }
        let started = ContinuousClock.now
        try ProcrunBinary.expect(["run", "caller.yaml"], in: library.path, status: 1, stdout: """
            ▶ caller (caller.yaml, 1 step)
              1/1 ↳ slow  call  calls slow (slow.yaml)
                  1/2 ✗ shell  wait  <duration>
                      error: timed out after 300ms
              1/1 ✗ slow  call  <duration>
                  error: caller › slow › wait failed at slow.yaml:3:5: timed out after 300ms
            ✗ caller failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (call)

            """, normalizing: [.durations])
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(!library.anythingRan)
    }

    @Test("the composed example in procedures/ runs")
    func composedExample() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let procedures = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: ProcrunBinary.fixtures))) + "/procedures"
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", procedures + "/.", folder.path]))
        try ProcrunBinary.expect(["run", "deploy_full_stack.yaml", "--set", "tag=v9", "--json"], in: folder.path, stdout: """
            {"procedure":"deploy_full_stack","file":"deploy_full_stack.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"backend","action":"replay_procedure","status":"success",\
            "outcome":"{\\"digest\\":\\"sha256:b508fe7d05e551b9\\"}","duration_ms":<ms>,"error":null,"attempts":1,\
            "outputs":{"digest":"sha256:b508fe7d05e551b9"},"steps":[{"step":1,"id":"test","action":"run_tests","status":"success",\
            "outcome":"running unit tests\\n42 passed, 0 failed (unit)","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":2,"id":"build","action":"build_image","status":"success",\
            "outcome":"built backend:v9\\ndigest: sha256:b508fe7d05e551b9","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1,"outputs":{"digest":"sha256:b508fe7d05e551b9"}},{"step":3,"id":"push","action":"push_image",\
            "status":"success","outcome":"pushed backend:v9 (sha256:b508fe7d05e551b9)","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":4,"id":"apply","action":"apply_manifest","status":"success",\
            "outcome":"rolled out backend@sha256:b508fe7d05e551b9 to staging (3 replicas)","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":5,"id":"verify","action":"check_health","status":"success","outcome":"healthy",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":6,"id":null,"action":"log","status":"success",\
            "outcome":"backend v9 is live in staging (sha256:b508fe7d05e551b9)","duration_ms":<ms>,"error":null,"attempts":1}]},\
            {"step":2,"id":"frontend","action":"deploy_frontend","status":"success",\
            "outcome":"{\\"backend\\":\\"sha256:b508fe7d05e551b9\\",\\"digest\\":\\"sha256:c5c28d894cc3e33b\\"}","duration_ms":<ms>,\
            "error":null,"attempts":1,"outputs":{"backend":"sha256:b508fe7d05e551b9","digest":"sha256:c5c28d894cc3e33b"},\
            "steps":[{"step":1,"id":"build","action":"build_image","status":"success",\
            "outcome":"built frontend:v9\\ndigest: sha256:c5c28d894cc3e33b","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1,"outputs":{"digest":"sha256:c5c28d894cc3e33b"}},{"step":2,"id":"apply","action":"apply_manifest",\
            "status":"success","outcome":"rolled out frontend@sha256:c5c28d894cc3e33b to staging (1 replicas)","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1},{"step":3,"id":"verify","action":"check_health","status":"success",\
            "outcome":"healthy","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]},{"step":3,"id":"smoke",\
            "action":"shell","status":"success","outcome":"frontend@sha256:c5c28d894cc3e33b x1","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":4,"id":null,"action":"log","status":"success",\
            "outcome":"stack v9 is live: backend sha256:b508fe7d05e551b9, frontend sha256:c5c28d894cc3e33b","duration_ms":<ms>,\
            "error":null,"attempts":1}],"outputs":{"backend":"sha256:b508fe7d05e551b9","frontend":"sha256:c5c28d894cc3e33b"}}

            """, normalizing: [.durationFields])
        WholeText.expect(try folder.read(".state/deployed-staging"), equals: "frontend@sha256:c5c28d894cc3e33b x1\n", ".state/deployed-staging")
    }
}

/// `procrun list`, `show` and `graph` on the fixture libraries.
@Suite("library commands", .serialized)
struct LibraryCommandTests {
    @Test("list shows every procedure of the library, subfolders included")
    func list() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        try ProcrunBinary.expect(["list"], in: library.path, stdout: """
            NAME     DESCRIPTION                                                 TAGS              FILE
            greet    builds a greeting                                           helper            helpers/greet.yaml
            release  calls a helper twice, in both forms, and reads its outputs  compose, example  release.yaml

            """)
    }

    @Test("list reports two files claiming one name")
    func listDuplicates() throws {
        let library = try ComposeFixture("duplicate")
        defer { library.remove() }
        try ProcrunBinary.expect(["list"], in: library.path, status: 2, stdout: """
            NAME    DESCRIPTION  TAGS  FILE
            helper                     helper.yaml
            helper                     team/helper-copy.yaml
            main                       main.yaml

            """, stderr: """
            team/helper-copy.yaml:1:7: error: procedure name 'helper' is claimed by more than one file (helper.yaml and team/helper-copy.yaml); names must be unique in a library
            name: helper
                  ^
            helper.yaml:1:7: note: also claimed here
            name: helper
                  ^

            """)
    }

    @Test("show prints the procedure and its call tree")
    func show() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        try ProcrunBinary.expect(["show", "a"], in: library.path, stdout: """
            a (a.yaml)

            steps:
              1  left   b → b
              2  right  c → c

            call tree:
            a
            ├─ left → b (b.yaml)
            │  └─ #1 → d (d.yaml)
            └─ right → c (c.yaml)
               └─ #1 → d (d.yaml)

            """)
    }

    @Test("show refuses a procedure whose call graph has a cycle")
    func showCycle() throws {
        let library = try ComposeFixture("cycle")
        defer { library.remove() }
        try ProcrunBinary.expect(["show", "a.yaml"], in: library.path, status: 2, stderr: """
            b.yaml:7:29: error: procedure call cycle: a › b › a; a procedure may not call itself, directly or through others
                parameters: {procedure: a}
                                        ^
            a.yaml:6:13: note: 'a' calls 'b' here
                action: b
                        ^
            note: 'b' calls 'a' here, which closes the cycle

            """)
    }

    @Test("graph prints Mermaid and DOT")
    func graph() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        try ProcrunBinary.expect(["graph", "a"], in: library.path, stdout: """
            flowchart TD
                n0["a"]
                n1["b"]
                n2["c"]
                n3["d"]
                n0 -->|"left"| n1
                n0 -->|"right"| n2
                n1 -->|"#1"| n3
                n2 -->|"#1"| n3

            """)
        try ProcrunBinary.expect(["graph", "a", "--format", "dot"], in: library.path, stdout: """
            digraph calls {
                rankdir=LR;
                node [shape=box];
                n0 [label="a"];
                n1 [label="b"];
                n2 [label="c"];
                n3 [label="d"];
                n0 -> n1 [label="left"];
                n0 -> n2 [label="right"];
                n1 -> n3 [label="#1"];
                n2 -> n3 [label="#1"];
            }

            """)
        try ProcrunBinary.expect(["graph", "a", "--format", "svg"], in: library.path, status: 2, stderr: """
            Error: --format must be mermaid or dot, found 'svg'
            Usage: procrun graph <procedure> [--format <FORMAT>] [--library <DIR>] [--no-color]
              See 'procrun graph --help' for more information.

            """)
    }

    @Test("graph shows a templated call as a dashed edge resolved at run time")
    func graphDynamic() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        try ProcrunBinary.expect(["graph", "templated.yaml"], in: library.path, stdout: """
            flowchart TD
                n0["templated"]
                n1{{"{{ inputs.target }}"}}
                n0 -.->|"call"| n1

            """)
    }
}
