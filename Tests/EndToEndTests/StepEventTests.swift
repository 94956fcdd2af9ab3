import Glibc
import ProcrunKit
import Testing

/// `procrun run --events-fd N`, the step events `procrun mcp` turns into progress: read here
/// through the side channel of ``ProcessSpec``, as `procrun mcp` reads them.
@Suite("step events")
struct StepEventTests {
    /// What arrives on the side channel, gathered from the thread that waits for the child.
    final class Gathered: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    /// Runs `procrun ARGUMENTS` in `folder` with a side channel: how it ended and what it wrote there.
    static func run(_ arguments: [String], in folder: String) throws -> (result: ProcessResult, events: String) {
        let gathered = Gathered()
        var spec = ProcessSpec(arguments: [ProcrunBinary.path] + arguments, workingDirectory: folder, timeout: .seconds(60))
        spec.extraEnvironment = ProcrunBinary.quiet
        spec.onSideOutput = { gathered.bytes.append(contentsOf: $0) }
        let result = try ProcessRunner.run(spec)
        return (result, String(decoding: gathered.bytes, as: UTF8.self))
    }

    @Test("a line per start and finish of the run's own steps: a group's steps, not a callee's; secrets hidden; the report unchanged")
    func ownSteps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("outer.yaml", """
            name: outer
            inputs:
              token: {type: string, secret: true, default: s3cr3t}
            steps:
              - id: both
                parallel:
                  max: 1
                  steps:
                    - {id: one, action: log, parameters: {message: one}}
                    - {id: two, action: log, parameters: {message: two}}
              - id: call
                action: inner
              - id: leak
                action: fail
                parameters: {message: "bad {{ inputs.token }}"}
            finally:
              - action: log
                parameters: {message: bye}
            """)
        try folder.write("inner.yaml", """
            name: inner
            steps:
              - {id: a, action: log, parameters: {message: a}}
              - {id: b, action: log, parameters: {message: b}}
            """)
        let (result, events) = try Self.run(["run", "outer.yaml", "--json", "--no-learn", "--events-fd", "3"], in: folder.path)
        #expect(result.exitCode == 1, "stderr: \(result.stderr.text)")
        WholeText.expect(events, equals: """
            {"event":"step_started","step":1,"total":6,"id":"both","action":"parallel"}
            {"event":"step_started","step":2,"total":6,"id":"one","action":"log"}
            {"event":"step_finished","step":2,"total":6,"id":"one","action":"log","status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_started","step":3,"total":6,"id":"two","action":"log"}
            {"event":"step_finished","step":3,"total":6,"id":"two","action":"log","status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_finished","step":1,"total":6,"id":"both","action":"parallel","status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_started","step":4,"total":6,"id":"call","action":"inner"}
            {"event":"step_finished","step":4,"total":6,"id":"call","action":"inner","status":"success","duration_ms":<ms>,"error":null}
            {"event":"step_started","step":5,"total":6,"id":"leak","action":"fail"}
            {"event":"step_finished","step":5,"total":6,"id":"leak","action":"fail","status":"failed","duration_ms":<ms>,"error":"bad ***"}
            {"event":"step_started","step":6,"total":6,"id":null,"action":"log"}
            {"event":"step_finished","step":6,"total":6,"id":null,"action":"log","status":"success","duration_ms":<ms>,"error":null}

            """, "events", normalizing: [.durationFields])
        // Standard output holds the report alone, as without the option.
        let report = AgentFixture.object(result.stdout.text)
        #expect(AgentFixture.steps(report).count == 6)
        #expect(!result.stdout.text.contains("step_started"))
        #expect(result.stderr.text.isEmpty)
    }

    @Test("a dry run's steps finish as planned; the progress lines are printed as without the option")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.yaml", "name: one\nsteps:\n  - {id: say, action: shell, parameters: {command: [echo, hi]}}\n")
        let (result, events) = try Self.run(["run", "one.yaml", "--dry-run", "--no-learn", "--events-fd", "3"], in: folder.path)
        #expect(result.exitCode == 0)
        WholeText.expect(events, equals: """
            {"event":"step_started","step":1,"total":1,"id":"say","action":"shell"}
            {"event":"step_finished","step":1,"total":1,"id":"say","action":"shell","status":"planned","duration_ms":<ms>,"error":null}

            """, "events", normalizing: [.durationFields])
        let plain = try ProcrunBinary.run(["run", "one.yaml", "--dry-run", "--no-learn"], in: folder.path)
        #expect(result.stdout.text == plain.stdout)
    }

    @Test("a descriptor procrun was not started with is refused before anything runs")
    func closedDescriptor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.yaml", "name: one\nsteps:\n  - {action: log, parameters: {message: hi}}\n")
        try ProcrunBinary.expect(
            ["run", "one.yaml", "--no-learn", "--events-fd", "97"], in: folder.path, status: 2,
            stderr: "error: --events-fd 97: descriptor 97 is not open; give one procrun was started with\n")
        let message = "--events-fd 1: expected a descriptor of 3 or more; 0, 1 and 2 carry the run's input, report and messages"
        try ProcrunBinary.expect(
            ["run", "one.yaml", "--no-learn", "--json", "--events-fd", "1"], in: folder.path, status: 2,
            stdout: """
                {"procedure":null,"file":"one.yaml","success":false,"duration_ms":0,"learned":false,"error":"\(message)",\
                "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-argument","message":"\(message)",\
                "notes":[]}],"steps":[],"outputs":{}}

                """,
            stderr: "error: \(message)\n")
    }

    @Test("the commands the steps run do not inherit the descriptor: writing to it fails, and nothing reaches the events")
    func notInherited() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.yaml", "name: one\nsteps:\n  - {id: sneak, action: shell, parameters: {command: 'echo injected >&3'}}\n")
        let (result, events) = try Self.run(["run", "one.yaml", "--json", "--no-learn", "--events-fd", "3"], in: folder.path)
        #expect(result.exitCode == 1)
        #expect(!events.contains("injected"))
        WholeText.expect(events, equals: """
            {"event":"step_started","step":1,"total":1,"id":"sneak","action":"shell"}
            {"event":"step_finished","step":1,"total":1,"id":"sneak","action":"shell","status":"failed","duration_ms":<ms>,"error":"expected exit code 0, got <code>"}

            """, "events", normalizing: [.durationFields, .replacing(#"got 2: [^"]*""#, with: #"got <code>""#, "the shell's bad descriptor message")])
    }
}
