import ProcrunKit
import Testing

/// Actions that nothing else defines go to the library's executor (examples/executor.py here).
@Suite("executors", .serialized)
struct ExecutorTests {
    /// A library whose procrun.yaml names the example executor.
    func library(timeout: String = "10s") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("procrun.yaml", "executor:\n  command: [python3, \(AgentFixture.executor)]\n  timeout: \(timeout)\n")
        return folder
    }

    @Test("a procedure runs through the executor: rendered parameters in, outcomes out")
    func success() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("hello.yaml", """
            name: hello
            inputs:
              who: {type: string, default: Ada}
            outputs:
              loud: "{{ steps.loud.outcome }}"
            steps:
              - id: greet
                action: greet
                parameters: {name: "{{ inputs.who }}"}
                expect: {contains: hello}
              - id: sum
                action: add
                parameters: {numbers: [1, 2, 3.5]}
              - id: loud
                action: shout
                parameters: {text: "{{ steps.greet.outcome }}"}
            """)
        let output = try ProcrunBinary.run(["run", "hello.yaml", "--json", "--set", "who=Bob"], in: folder.path)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let report = AgentFixture.object(output.stdout)
        let steps = AgentFixture.steps(report)
        #expect(steps.map { $0["outcome"] } == [.string("hello, Bob"), .string("6.5"), .string("HELLO, BOB")])
        #expect(report?["outputs"] == .mapping(["loud": .string("HELLO, BOB")]))
        #expect(try folder.read("hello.yaml").contains("execution_count: 1"))
    }

    @Test("an action one letter off a built-in still goes to the executor, with a warning at its position")
    func nearMiss() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("typo.yaml", "name: typo\nsteps:\n  - action: lgo\n    parameters: {message: hi}\n  - action: greet\n")
        let warning = """
            typo.yaml:3:13: warning: action 'lgo' is not built in or defined here, so the executor runs it; did you mean 'log'?
              - action: lgo
                        ^

            """
        let check = try ProcrunBinary.run(["check", "typo.yaml"], in: folder.path)
        #expect(check.status == 0)
        #expect(check.stderr == warning)
        #expect(check.stdout == "ok: typo.yaml: 'typo', 2 steps\n")
        // The run goes ahead: the step is the executor's, which here knows no 'lgo' and says so.
        let run = try ProcrunBinary.run(["run", "typo.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(run.stderr == warning)
        #expect(run.status == 1)
        let step = AgentFixture.steps(AgentFixture.object(run.stdout)).first
        #expect(step?["action"] == .string("lgo"))
        #expect(step?["status"] == .string("failed"))
    }

    @Test("a failure the executor reports fails the step with its error; the executor keeps serving")
    func failure() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("reject.yaml", """
            name: rejecting
            steps:
              - action: reject
                parameters: {message: disk full}
                on_failure: continue
              - action: greet
                parameters: {name: after}
            """)
        let output = try ProcrunBinary.run(["run", "reject.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 1)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.first?["status"] == .string("failed"))
        #expect(steps.first?["error"] == .string("disk full"))
        #expect(steps.last?["status"] == .string("success"))
        #expect(steps.last?["outcome"] == .string("hello, after"))
    }

    @Test("an executor that crashes fails the step with how it exited; the run ends cleanly")
    func crash() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("crash.yaml", "name: crashing\nsteps:\n  - action: crash\n    on_failure: continue\n  - action: greet\n")
        let output = try ProcrunBinary.run(["run", "crash.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 1)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.count == 2)
        #expect(steps.first?["error"] == .string("executor 'python3 \(AgentFixture.executor)' exited (exit status 3)"))
        #expect(steps.last?["error"].map { "\($0)".contains("was stopped earlier in this run") } == true)
    }

    @Test("an executor that hangs is stopped at the step's timeout")
    func hang() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("hangs.yaml", "name: hangs\nsteps:\n  - action: hang\n    timeout: 1s\n")
        let started = ContinuousClock.now
        let output = try ProcrunBinary.run(["run", "hangs.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(output.status == 1)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.first?["error"] == .string("executor 'python3 \(AgentFixture.executor)' did not answer within 1s"))
    }

    @Test("the executor's own timeout applies when the step sets none")
    func executorTimeout() throws {
        let folder = try library(timeout: "500ms")
        defer { folder.remove() }
        try folder.write("hangs.yaml", "name: hangs\nsteps:\n  - action: hang\n")
        let output = try ProcrunBinary.run(["run", "hangs.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 1)
        #expect(output.stdout.contains("did not answer within 500ms"))
    }

    @Test("a reply that is not the protocol's fails the step as garbage")
    func garbage() throws {
        let folder = try library()
        defer { folder.remove() }
        try folder.write("garbage.yaml", "name: garbled\nsteps:\n  - action: garbage\n")
        let output = try ProcrunBinary.run(["run", "garbage.yaml", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 1)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.first?["error"] == .string("executor 'python3 \(AgentFixture.executor)' answered garbage: expected a JSON object, found 'this is not json'"))
    }

    @Test("a reply of 16 MB is read in well under a second; one longer than 16 MiB fails its step")
    func largeReply() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The 16 MB outcome is made before the first request, so that the step times the reply.
        try folder.write("large.py", """
            import json, sys
            ready = json.dumps("x" * 16000000)
            for line in sys.stdin:
                request = json.loads(line)
                size = request["parameters"]["bytes"]
                outcome = ready if size == 16000000 else json.dumps("x" * size)
                sys.stdout.write('{"id": %d, "status": "success", "outcome": %s}\\n' % (request["id"], outcome))
                sys.stdout.flush()
            """)
        try folder.write("procrun.yaml", "executor: {command: [python3, large.py]}\n")
        try folder.write("large.yaml", """
            name: large
            steps:
              - id: warm
                action: produce
                parameters: {bytes: 1}
              - id: big
                action: produce
                parameters: {bytes: 16000000}
                timeout: 2s
              - action: assert
                parameters: {that: "steps.big.outcome | length == 16000000"}
              - action: produce
                parameters: {bytes: 17000000}
            """)
        let output = try ProcrunBinary.run(["run", "large.yaml", "--json", "--no-learn"], in: folder.path)
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.map { $0["status"] } == ["success", "success", "success", "failed"].map { .string($0) }, "stderr: \(output.stderr)")
        guard case .integer(let milliseconds)? = steps.dropFirst().first?["duration_ms"] else {
            Issue.record("no duration in \(steps)")
            return
        }
        #expect(milliseconds < 1000)
        #expect(steps.last?["error"] == .string("executor 'python3 large.py' answered a line longer than 16 MiB"))
    }

    @Test("--executor names the executor on the command line; a missing program is a clear step error")
    func commandLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("hello.yaml", "name: hello\nsteps:\n  - action: greet\n    parameters: {name: Cy}\n")
        let output = try ProcrunBinary.run(["run", "hello.yaml", "--json", "--no-learn", "--executor", "python3 \(AgentFixture.executor)"], in: folder.path)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("hello, Cy"))
        let missing = try ProcrunBinary.run(["run", "hello.yaml", "--json", "--no-learn", "--executor", "/no/such/executor"], in: folder.path)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("executor '/no/such/executor' exited"))
        let none = try ProcrunBinary.run(["run", "hello.yaml", "--no-learn"], in: folder.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("unknown action 'greet'"))
    }

    @Test("Ctrl-C while the executor works ends the run with exit 130 and stops the executor")
    func interrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "executor: \"while read line; do touch started; sleep 30; done\"\n")
        try folder.write("slow.yaml", "name: slow\nsteps:\n  - action: work\n")
        let script = """
            "$1" slow.yaml --no-color > out.txt & pid=$!
            while [ ! -e started ]; do sleep 0.05; done
            kill -INT $pid
            wait $pid
            echo $?
            """
        let started = ContinuousClock.now
        let result = try ProcessRunner.run(
            ProcessSpec(arguments: ["sh", "-c", script, "sh", ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(60)))
        #expect(result.stdout.text == "130\n")
        #expect(ContinuousClock.now - started < .seconds(15))
        #expect(try folder.read("out.txt").contains("interrupted"))
    }

    @Test("mistakes in procrun.yaml's executor and mcp_servers are diagnostics")
    func configuration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", """
            executor: {commnd: x}
            mcp_servers:
              good: {command: [], timeout: 5s}
              bad: {command: x, timeout: soon}
            """)
        try folder.write("p.yaml", "name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        let output = try ProcrunBinary.run(["check", "p.yaml"], in: folder.path)
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown key 'commnd' in 'executor'; did you mean 'command'?"), "stderr: \(output.stderr)")
        #expect(output.stderr.contains("the command of MCP server 'good' is an empty list"))
        #expect(output.stderr.contains("'timeout' of MCP server 'bad'"))
    }
}
