import Foundation
import ProcrunKit
import Testing

/// Preconditions with their messages (grammar.md, "Preconditions"; issue 27, point 9): what must
/// hold before a procedure or a step runs, an unmet one a failure (exit 1) with its message.
@Suite("preconditions", .serialized)
struct PreconditionTests {
    /// A procedure that may deploy only to staging, whose one step appends to `log.txt`.
    static let deploy = """
        name: deploy
        inputs:
          env: {default: prod}
        precondition:
          - inputs.env != ""
          - {that: 'inputs.env == "staging"', message: "deploys go to staging only, not {{ inputs.env }}"}
        steps:
          - id: ship
            action: shell
            parameters: {command: 'echo shipped >> log.txt'}

        """

    /// A procedure whose second step is guarded by a command that fails, saying why on standard error.
    static let install = """
        name: install
        steps:
          - id: first
            action: log
            parameters: {message: hello}
          - id: copy
            action: shell
            parameters: {command: 'echo installed >> log.txt'}
            precondition:
              - {sh: 'echo checking; echo "out: permission denied" >&2; exit 1', message: the destination folder is not writable}
          - id: after
            action: log
            parameters: {message: after}
        finally:
          - action: log
            parameters: {message: cleanup}

        """

    @Test("a procedure's unmet precondition fails the run before anything of it runs: its message at its entry, exit 1, a failed run in the stats")
    func procedureUnmet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", Self.deploy)
        try ProcrunBinary.expect(["run", "deploy"], in: folder.path, status: 1, stdout: """
            ▶ deploy (deploy.yaml, 1 step)
            ✗ deploy failed in <duration>: 0 succeeded, 1 not run
              error: deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod

            """, normalizing: [.durations])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/log.txt"))
        let text = try folder.read("deploy.yaml")
        #expect(text.contains("  execution_count: 1\n  successes: 0\n  failures: 1\n"), "\(text)")
        try ProcrunBinary.expect(["run", "deploy", "--no-learn", "--json"], in: folder.path, status: 1, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":false,"duration_ms":<ms>,"learned":false,\
            "error":"deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod","steps":[],\
            "precondition":{"error":"deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod",\
            "failed_at":"deploy.yaml:6:5","duration_ms":<ms>},"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["run", "deploy", "--no-learn", "--quiet"], in: folder.path, status: 1, stderr: """
            deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/log.txt"))
    }

    @Test("without a message, the expression as written is the message")
    func withoutMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", Self.deploy)
        try ProcrunBinary.expect(["run", "deploy", "--no-learn", "--set", "env="], in: folder.path, status: 1, stdout: """
            ▶ deploy (deploy.yaml, 1 step)
            ✗ deploy failed in <duration>: 0 succeeded, 1 not run
              error: deploy.yaml:5:5: precondition not met: inputs.env != ""

            """, normalizing: [.durations])
    }

    @Test("--events-fd and --junit report a procedure's unmet precondition: step 0 with precondition true, a failed case 'precondition'")
    func procedureReports() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", Self.deploy)
        let (result, events) = try StepEventTests.run(["run", "deploy", "--no-learn", "--quiet", "--events-fd", "3", "--junit", "junit.xml"], in: folder.path)
        #expect(result.exitCode == 1, "stderr: \(result.stderr.text)")
        WholeText.expect(events, equals: """
            {"event":"step_finished","step":0,"total":1,"id":null,"action":"precondition","precondition":true,"status":"failed","duration_ms":<ms>,\
            "error":"deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod"}

            """, "events", normalizing: [.durationFields])
        WholeText.expect(try folder.read("junit.xml"), equals: """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="procrun" tests="1" failures="1" errors="0" skipped="0" time="<s>">
              <testsuite name="deploy" tests="1" failures="1" errors="0" skipped="0" time="<s>" file="deploy.yaml">
                <testcase name="precondition" classname="deploy" time="<s>" file="deploy.yaml">
                  <failure message="deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod" type="failed">deploy.yaml:6:5: precondition not met: deploys go to staging only, not prod</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """, "junit", normalizing: [.replacing(#"time="[0-9]+\.[0-9]{3}""#, with: #"time="<s>""#, "times")])
    }

    @Test("a step's unmet 'sh' precondition fails the step with its message and the command's standard error under it; 'finally' still runs")
    func stepCommandUnmet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("install.yaml", Self.install)
        try ProcrunBinary.expect(["run", "install", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ install (install.yaml, 4 steps)
              1/4 ✓ log    first  <duration>
                  hello
              2/4 ✗ shell  copy   <duration>
                  error: install.yaml:10:9: precondition not met: the destination folder is not writable
                        - {sh: 'echo checking; echo "out: permission denied" >&2; exit 1', message: the destination folder is not writable}
                          ^
                  │ out: permission denied
              finally
              4/4 ✓ log    #4     <duration>
                  cleanup
            ✗ install failed in <duration>: 2 succeeded, 1 failed, 1 not run; first failure: step 2 (copy)

            """, normalizing: [.durations])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/log.txt"))
        let json = try ProcrunBinary.run(["run", "install", "--no-learn", "--json"], in: folder.path)
        #expect(json.status == 1)
        #expect(json.stdout.contains(#""error":"install.yaml:10:9: precondition not met: the destination folder is not writable""#), "\(json.stdout)")
    }

    @Test("preconditions that hold let the procedure and its steps run as usual, in a loop per item after its 'when'")
    func met() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", Self.deploy)
        try folder.write("each.yaml", """
            name: each
            vars:
              here: {sh: 'echo yes'}
            precondition:
              - {sh: 'test -f deploy.yaml', message: deploy.yaml is missing}
              - vars.here == "yes"
            steps:
              - action: shell
                for_each: [a, b, c]
                when: item != "c"
                precondition:
                  - {that: 'item != ""'}
                  - {sh: 'test -d .'}
                parameters: {command: 'echo {{ item }} >> log.txt'}

            """)
        try ProcrunBinary.expect(["run", "deploy", "--no-learn", "--set", "env=staging"], in: folder.path, stdout: """
            ▶ deploy (deploy.yaml, 1 step)
              1/1 ✓ shell  ship  <duration>
            ✓ deploy succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "each", "--no-learn"], in: folder.path, stdout: """
            ▶ each (each.yaml, 1 step)
              1/1 ✓ shell  #1  <duration> (3 items)
            ✓ each succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        #expect(try folder.read("log.txt") == "shipped\na\nb\n")
    }

    @Test("a dry run shows the preconditions it would check and runs no command of them")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("dry.yaml", """
            name: dry
            precondition: [{sh: 'touch ran.txt'}, 'os.name != ""']
            steps:
              - id: go
                action: shell
                parameters: {command: 'echo go'}
                precondition: {sh: 'touch ran.txt', message: never run}

            """)
        try ProcrunBinary.expect(["run", "dry", "--dry-run"], in: folder.path, stdout: """
            ▶ dry (dry.yaml, 1 step)
              precondition: sh touch ran.txt
              precondition: that os.name != ""
              1/1 ✓ shell  go  (dry run)
                  $ echo go
                  precondition: sh touch ran.txt
            ✓ dry dry run, nothing ran: 1 would run

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/ran.txt"))
    }

    @Test("check finds a bad entry before the run: both or neither of 'that' and 'sh', an unknown key, an unknown name, a value that is no boolean")
    func check() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", """
            name: bad
            inputs:
              name: {default: a}
            precondition:
              - {that: inputs.name == "a", sh: 'true'}
              - {message: nothing to test}
              - {that: 'inputs.nme == "a"', mesage: hi}
              - 3
              - {sh: 'test -d {{ inputs.name }}', message: "no {{ inputs.nam }}"}
            steps:
              - action: log
                parameters: {message: hi}

            """)
        try ProcrunBinary.expect(["check", "bad"], in: folder.path, status: 2, stderr: """
            bad.yaml:5:5: error: an entry of 'precondition' has both 'that' and 'sh'; give one: an expression that must hold, or a command that must succeed
              - {that: inputs.name == "a", sh: 'true'}
                ^
            bad.yaml:6:5: error: an entry of 'precondition' needs 'that' (an expression that must hold) or 'sh' (a command that must succeed)
              - {message: nothing to test}
                ^
            bad.yaml:7:13: error: undefined name 'inputs.nme'; did you mean 'inputs.name'?
              - {that: 'inputs.nme == "a"', mesage: hi}
                        ^
            bad.yaml:7:33: error: unknown key 'mesage' in an entry of 'precondition'; did you mean 'message'?
              - {that: 'inputs.nme == "a"', mesage: hi}
                                            ^
            bad.yaml:8:5: error: a condition must be true or false, but this is an integer
              - 3
                ^
            bad.yaml:9:55: error: undefined name 'inputs.nam'; did you mean 'inputs.name'?
              - {sh: 'test -d {{ inputs.name }}', message: "no {{ inputs.nam }}"}
                                                                  ^
            6 problems found in 1 file

            """)
    }
}
