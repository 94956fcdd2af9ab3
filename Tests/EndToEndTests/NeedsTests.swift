import ProcrunKit
import Testing

/// Dependencies that run once per run (grammar.md, "Needs"; issue 27, point 3): `needs:` on a
/// procedure or a step runs each needed procedure (with the same inputs) at most once in one
/// `procrun` run, independent needs side by side, checked before the run.
@Suite("needs", .serialized)
struct NeedsTests {
    /// A procedure `name` that needs `needs` and whose one step runs `command`.
    static func procedure(_ name: String, needs: [String] = [], command: String) -> String {
        "name: \(name)\n" + (needs.isEmpty ? "" : "needs: [\(needs.joined(separator: ", "))]\n")
            + "steps:\n  - id: \(name)_step\n    action: shell\n    parameters: {command: '\(command)'}\n"
    }

    /// A command that marks `mine` started and waits (up to 60 s) for `other` to be: it succeeds
    /// only when the two run side by side, however loaded the machine.
    static func meet(_ mine: String, _ other: String) -> String {
        "touch \(mine).started; i=0; while [ ! -f \(other).started ]; do i=$((i+1)); [ $i -gt 600 ] && exit 1; sleep 0.1; done; echo \(mine) >> log.txt"
    }

    /// The diamond: `release` needs `test` and `lint`, both need `build`, which appends to a file.
    static func diamond(in folder: TemporaryFolder, build: String = "echo built >> log.txt") throws {
        try folder.write("build.yaml", procedure("build", command: build))
        try folder.write("test.yaml", procedure("test", needs: ["build"], command: meet("test", "lint")))
        try folder.write("lint.yaml", procedure("lint", needs: ["build"], command: meet("lint", "test")))
        try folder.write("release.yaml", procedure("release", needs: ["test", "lint"], command: "echo release >> log.txt"))
    }

    @Test("a diamond runs its shared need once, the two needs between side by side, and the needing procedure last; each need's stats are learned once")
    func diamond() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.diamond(in: folder)
        let output = try ProcrunBinary.run(["run", "release"], in: folder.path)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let lines = try folder.read("log.txt").split(separator: "\n").map(String.init)
        #expect(lines.first == "built")
        #expect(lines.last == "release")
        #expect(lines.dropFirst().dropLast().sorted() == ["lint", "test"])
        for name in ["build", "test", "lint", "release"] {
            #expect(try folder.read("\(name).yaml").contains("  execution_count: 1\n"), "\(name)")
        }
        // The report: one need of build ran it, the other took its outcome.
        try folder.write("log.txt", "")
        _ = try ProcrunBinary.runShell(["sh", "-c", "rm -f *.started"], in: folder.path)
        let json = try ProcrunBinary.run(["run", "release", "--no-learn", "--json"], in: folder.path)
        guard case .mapping(let report)? = Value(jsonText: json.stdout), case .list(let needs)? = report["needs"] else {
            Issue.record("no needs in \(json.stdout)")
            return
        }
        var builds: [Bool] = []
        for case .mapping(let need) in needs {
            guard case .list(let inner)? = need["needs"] else { continue }
            for case .mapping(let build) in inner {
                #expect(build["procedure"] == .string("build") && build["status"] == .string("success"))
                builds.append(build["ran_earlier"] == .boolean(true))
            }
        }
        #expect(builds.sorted { !$0 && $1 } == [false, true])
        #expect(try folder.read("log.txt").split(separator: "\n").filter { $0 == "built" }.count == 1)
    }

    @Test("a need that fails fails what needed it: no step of it runs, the failure is shown once, at the need, and the run exits 1")
    func failing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", "name: build\nsteps:\n  - id: compile\n    action: shell\n    parameters: {command: 'echo \"compile error\" >&2; exit 3'}\n")
        try folder.write("deploy.yaml", "name: deploy\nneeds: [build]\nsteps:\n  - id: ship\n    action: shell\n    parameters: {command: 'echo shipped'}\n")
        try ProcrunBinary.expect(["run", "deploy", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ deploy (deploy.yaml, 1 step)
              needs ↳ build  calls build (build.yaml)
                  1/1 ✗ shell  compile  <duration>
                      error: expected exit code 0, got 3: compile error
                      │ compile error
              needs ✗ build  <duration>
                  error: deploy › build › compile failed at build.yaml:3:5: expected exit code 0, got 3: compile error
            ✗ deploy failed in <duration>: 0 succeeded, 1 not run
              error: need 'build' failed

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "deploy", "--no-learn", "--json"], in: folder.path, status: 1, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":false,"duration_ms":<ms>,"learned":false,"error":"need 'build' failed",\
            "steps":[],"needs":[{"procedure":"build","status":"failed","duration_ms":<ms>,"error":"deploy › build › compile failed at \
            build.yaml:3:5: expected exit code 0, got 3: compile error","chain":["deploy","build","compile"],"failed_at":"build.yaml:3:5",\
            "steps":[{"step":1,"id":"compile","action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":3,\
            "error":"expected exit code 0, got 3: compile error","attempts":1}]}],"outputs":{}}

            """, normalizing: [.durationFields])
    }

    @Test("a cycle through needs and calls is an error before the run, at the entry that closes it, with the chain")
    func cycle() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", "name: a\nneeds: [b]\nsteps:\n  - {action: log, parameters: {message: a}}\n")
        try folder.write("b.yaml", "name: b\nsteps:\n  - {action: log, parameters: {message: b}}\n  - action: c\n")
        try folder.write("c.yaml", "name: c\nneeds:\n  - {procedure: a}\nsteps:\n  - {action: log, parameters: {message: c}}\n")
        try ProcrunBinary.expect(["check", "a"], in: folder.path, status: 2, stderr: """
            c.yaml:3:17: error: procedure dependency cycle: a › b › c › a; a procedure may not need or call itself, directly or through others
              - {procedure: a}
                            ^
            a.yaml:2:9: note: 'a' needs 'b' here
            needs: [b]
                    ^
            b.yaml:4:13: note: 'b' calls 'c' here
              - action: c
                        ^
            note: 'c' needs 'a' here, which closes the cycle
            1 problem found in 1 file

            """)
        try folder.write("a.yaml", "name: a\nneeds: [a]\nsteps:\n  - {action: log, parameters: {message: a}}\n")
        try ProcrunBinary.expect(["check", "a"], in: folder.path, status: 2, stderr: """
            a.yaml:2:9: error: procedure 'a' needs itself: a › a; a procedure may not need or call itself, directly or through others
            needs: [a]
                    ^
            note: 'a' needs 'a' here, which closes the cycle
            1 problem found in 1 file

            """)
    }

    @Test("an unknown name, an input the procedure does not declare and an unknown key are errors at the entry, as a call's are")
    func mistakes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", "name: build\ninputs:\n  mode: {allowed: [debug, release], default: debug}\nsteps:\n  - {action: log, parameters: {message: b}}\n")
        try folder.write("c.yaml", """
            name: c
            needs:
              - bild
              - {procedure: build, inputs: {mod: release}}
              - {procedure: build, inputs: {mode: fast}}
              - {procedur: build}
            steps:
              - {action: log, parameters: {message: c}, needs: ['{{ inputs.x }}']}

            """)
        try ProcrunBinary.expect(["check", "c"], in: folder.path, status: 2, stderr: """
            c.yaml:3:5: error: no procedure named 'bild' in the library folder '.'; did you mean 'build'?
              - bild
                ^
            c.yaml:4:33: error: procedure 'build' has no input 'mod'; did you mean 'mode'?
              - {procedure: build, inputs: {mod: release}}
                                            ^
            build.yaml:1:7: note: procedure 'build' is defined here
            name: build
                  ^
            c.yaml:5:39: error: input 'mode' of procedure 'build' must be one of debug, release, found the string 'fast'
              - {procedure: build, inputs: {mode: fast}}
                                                  ^
            build.yaml:3:3: note: input 'mode' is declared here
              mode: {allowed: [debug, release], default: debug}
              ^
            c.yaml:6:6: error: unknown key 'procedur' in an entry of 'needs'; did you mean 'procedure'?
              - {procedur: build}
                 ^
            c.yaml:8:57: error: undefined name 'inputs.x'
              - {action: log, parameters: {message: c}, needs: ['{{ inputs.x }}']}
                                                                    ^
            5 problems found in 1 file

            """)
    }

    @Test("two steps of a parallel group needing one procedure wait for one run of it, shown with each step; a need with other inputs is another run")
    func stepNeeds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", """
            name: build
            inputs:
              mode: {default: debug}
            steps:
              - id: compile
                action: shell
                parameters: {command: 'echo "built {{ inputs.mode }}" >> log.txt'}

            """)
        try folder.write("ci.yaml", """
            name: ci
            steps:
              - id: checks
                parallel:
                  steps:
                    - {id: unit, action: shell, parameters: {command: 'echo unit >> log.txt'}, needs: [build]}
                    - {id: docs, action: shell, parameters: {command: 'echo docs >> log.txt'}, needs: [build]}
              - id: package
                action: shell
                parameters: {command: 'echo package >> log.txt'}
                needs:
                  - {procedure: build, inputs: {mode: release}}
                  - build

            """)
        let output = try ProcrunBinary.run(["run", "ci", "--no-learn"], in: folder.path)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let lines = try folder.read("log.txt").split(separator: "\n").map(String.init)
        #expect(lines.first == "built debug")
        #expect(lines.filter { $0.hasPrefix("built") }.sorted() == ["built debug", "built release"])
        #expect(lines.last == "package")
        // Each step of the group shows its need before its own line; one of them ran it.
        let shown = output.stdout.split(separator: "\n").map(String.init)
        #expect(shown.count { $0 == "    needs ✓ build  ran earlier in this run" } + shown.count { $0.hasPrefix("    needs ✓ build  ") } == 3)
        #expect(shown.count { $0.hasPrefix("    needs ↳ build  calls build") } == 1)
    }

    @Test("procedures named together on the command line run a need they share once, and a need of one named before takes its run; --dry-run lists each need once")
    func severalAndDryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", Self.procedure("build", command: "echo built >> log.txt"))
        try folder.write("test.yaml", Self.procedure("test", needs: ["build"], command: "echo test >> log.txt"))
        try folder.write("lint.yaml", Self.procedure("lint", needs: ["test"], command: "echo lint >> log.txt") + "    needs: [build]\n")
        _ = try ProcrunBinary.expect(["run", "test", "lint", "--no-learn", "--quiet"], in: folder.path)
        #expect(try folder.read("log.txt") == "built\ntest\nlint\n")
        try ProcrunBinary.expect(["run", "lint", "--dry-run"], in: folder.path, stdout: """
            ▶ lint (lint.yaml, 1 step)
              needs ↳ test  calls test (test.yaml)
                  needs ↳ build  calls build (build.yaml)
                      1/1 ✓ shell  build_step  (dry run)
                          $ echo built >> log.txt
                  needs ✓ build  (dry run)
                  1/1 ✓ shell  test_step  (dry run)
                      $ echo test >> log.txt
              needs ✓ test  (dry run)
              needs ✓ build  ran earlier in this run
              1/1 ✓ shell  lint_step  (dry run)
                  $ echo lint >> log.txt
            ✓ lint dry run, nothing ran: 1 would run

            """)
        try ProcrunBinary.expect(["graph", "lint"], in: folder.path, stdout: """
            flowchart TD
                n0["lint"]
                n1["test"]
                n2["build"]
                n0 -->|"needs"| n1
                n0 -->|"needs"| n2
                n1 -->|"needs"| n2

            """)
    }

    @Test("--events-fd writes a need's start and finish as step 0 with need true, before the needing step's own; not a needed procedure's steps")
    func events() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", Self.procedure("build", command: "echo built"))
        try folder.write("deploy.yaml", Self.procedure("deploy", needs: ["build"], command: "echo deployed") + "    needs: [build]\n")
        let (result, events) = try StepEventTests.run(["run", "deploy", "--no-learn", "--quiet", "--events-fd", "3"], in: folder.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr.text)")
        WholeText.expect(events, equals: """
            {"event":"step_started","step":0,"total":1,"id":null,"action":"build","need":true}
            {"event":"step_finished","step":0,"total":1,"id":null,"action":"build","need":true,"status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_started","step":0,"total":1,"id":null,"action":"build","need":true}
            {"event":"step_finished","step":0,"total":1,"id":null,"action":"build","need":true,"status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_started","step":1,"total":1,"id":"deploy_step","action":"shell"}
            {"event":"step_finished","step":1,"total":1,"id":"deploy_step","action":"shell","status":"success","duration_ms":<ms>,"error":null}

            """, "events", normalizing: [.durationFields])
    }
}
