import ProcrunKit
import Testing

/// `procrun run --junit FILE`, read back by a real consumer (PyPI `junitparser`, installed by
/// scripts/test.sh) through Fixtures/junit.py, which prints what it found as JSON.
@Suite("--junit reports", .serialized)
struct JUnitTests {
    /// Runs `procrun run FILE --junit report.xml` in `folder`, expecting `status` and `stdout`
    /// (durations normalised), and returns junitparser's reading.
    static func run(
        _ file: String, in folder: TemporaryFolder, status: Int32, stdout: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> JSONValue {
        try ProcrunBinary.expect(
            ["run", file, "--junit", "report.xml", "--no-learn"], in: folder.path, status: status, stdout: stdout, normalizing: [.durations],
            sourceLocation: sourceLocation)
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["python3", ProcrunBinary.fixtures + "/junit.py", folder.path + "/report.xml"]))
        #expect(result.exitCode == 0, "\(result.stderr.text)")
        return try JSONParser.parse(result.stdout.text)
    }

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number, _)? = value { return number }
        return nil
    }

    static func names(_ suite: JSONValue?) -> [String] {
        guard case .array(let cases)? = suite?["cases"] else { return [] }
        return cases.compactMap { if case .string(let name)? = $0["name"] { name } else { nil } }
    }

    static func item(_ value: JSONValue?, _ index: Int) -> JSONValue? {
        guard case .array(let items)? = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    @Test("a passing run: one suite, one test case per step with its time, nothing failed")
    func passing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "pass.yaml",
            """
            name: pass
            steps:
              - id: first
                action: shell
                parameters: {command: echo one}
              - action: sleep
                parameters: {duration: 50ms}
            """)
        let report = try Self.run(
            "pass.yaml", in: folder, status: 0,
            stdout: """
                ▶ pass (pass.yaml, 2 steps)
                  1/2 ✓ shell  first  <duration>
                  2/2 ✓ sleep  #2     <duration>
                ✓ pass succeeded in <duration>: 2 succeeded

                """)
        let suite = Self.item(report["suites"], 0)
        #expect(suite?["name"] == .string("pass"))
        #expect(Self.number(report["tests"]) == 2 && Self.number(report["failures"]) == 0 && Self.number(report["skipped"]) == 0)
        #expect(Self.names(suite) == ["first", "sleep (step 2)"])
        #expect((Self.number(Self.item(suite?["cases"], 1)?["time"]) ?? 0) >= 0.05)
        #expect(Self.item(suite?["cases"], 0)?["results"] == .array([]))
        #expect(suite?["suites"] == .array([]))
    }

    @Test("a failing run: the failure holds the error and both streams' tails, secrets redacted; a skipped step is skipped")
    func failing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "fail.yaml",
            """
            name: fail
            inputs:
              token: {type: string, secret: true, default: hunter2}
            steps:
              - id: ok
                action: shell
                parameters: {command: echo fine}
              - id: maybe
                action: log
                when: "false"
                parameters: {message: hi}
              - id: test
                action: shell
                parameters: {command: "sh -c 'echo FAIL mul \\"$1\\"; echo \\"1 passed, 1 failed\\"; echo make: Error 1 >&2; exit 2' _ {{ inputs.token }}"}
              - id: never
                action: shell
                parameters: {command: echo never}
            """)
        let report = try Self.run(
            "fail.yaml", in: folder, status: 1,
            stdout: """
                ▶ fail (fail.yaml, 4 steps)
                  1/4 ✓ shell  ok     <duration>
                  2/4 - log    maybe  skipped
                  3/4 ✗ shell  test   <duration>
                      error: expected exit code 0, got 2: make: Error 1
                      stdout:
                      │ FAIL mul ***
                      │ 1 passed, 1 failed
                      stderr:
                      │ make: Error 1
                ✗ fail failed in <duration>: 1 succeeded, 1 failed, 1 skipped, 1 not run; first failure: step 3 (test)

                """)
        let suite = Self.item(report["suites"], 0)
        #expect(Self.number(suite?["tests"]) == 3 && Self.number(suite?["failures"]) == 1 && Self.number(suite?["skipped"]) == 1)
        #expect(Self.names(suite) == ["ok", "maybe", "test"])
        #expect(Self.item(Self.item(suite?["cases"], 1)?["results"], 0)?["kind"] == .string("Skipped"))
        let failure = Self.item(Self.item(suite?["cases"], 2)?["results"], 0)
        #expect(failure?["kind"] == .string("Failure"))
        #expect(failure?["message"] == .string("expected exit code 0, got 2: make: Error 1"))
        #expect(
            failure?["text"]
                == .string(
                    "expected exit code 0, got 2: make: Error 1\n\nstdout (last lines):\nFAIL mul ***\n1 passed, 1 failed\n\nstderr (last lines):\nmake: Error 1"))
        #expect(!(try folder.read("report.xml")).contains("hunter2"))
    }

    @Test("a nested run: one suite, the called procedures' steps its cases, named by the chain; the failure counted once")
    func nested() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = ProcrunBinary.fixtures + "/compose/three-levels/"
        _ = try folder.copy(source + "top.yaml")
        try FileSystem.createDirectories(folder.path + "/inner")
        _ = try folder.copy(source + "inner/middle.yaml", as: "inner/middle.yaml")
        _ = try folder.copy(source + "inner/bottom.yaml", as: "inner/bottom.yaml")
        let report = try Self.run(
            "top.yaml", in: folder, status: 1,
            stdout: ComposeTests.threeLevelsRun)
        // What junitparser counts is what it yields: three cases, one failure.
        #expect(Self.number(report["tests"]) == 3 && Self.number(report["failures"]) == 1)
        let top = Self.item(report["suites"], 0)
        #expect(top?["name"] == .string("top") && Self.names(top) == ["prepare", "middle › bottom › fine", "middle › bottom › build_image"])
        #expect(top?["suites"] == .array([]))
        #expect(Self.item(Self.item(top?["cases"], 2)?["results"], 0)?["message"] == .string("expected exit code 0, got 3: no space left"))
        #expect(Self.item(top?["cases"], 2)?["classname"] == .string("top"))
    }

    @Test("an unwritable --junit path is an error on standard error; the run's exit code stands")
    func unwritable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("ok.yaml", "name: ok\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        try ProcrunBinary.expect(["run", "ok.yaml", "--junit", "missing/folder/report.xml", "--no-learn"], in: folder.path, stdout: """
            ▶ ok (ok.yaml, 1 step)
              1/1 ✓ log  #1  <duration>
                  hi
            ✓ ok succeeded in <duration>: 1 succeeded

            """, stderr: """
            error: the JUnit report could not be written: cannot write 'missing/folder/report.xml': no such file or directory

            """, normalizing: [.durations])
    }
}
