import ProcrunKit
import Testing

/// What a person sees while steps run and when one fails: the elapsed time of a long step on a
/// terminal, each step's line in a pipe, both output streams' tails of a failed step, and the
/// commands `procrun show` prints.
@Suite("progress and failures as a person sees them", .serialized)
struct ProgressTests {
    /// Runs `procrun ARGUMENTS` on a pseudo-terminal (Fixtures/pty_run.py) in `folder`.
    static func onTerminal(_ arguments: [String], in folder: TemporaryFolder) throws -> (status: Int32, output: String) {
        var spec = ProcessSpec(arguments: ["python3", ProcrunBinary.fixtures + "/pty_run.py", ProcrunBinary.path] + arguments)
        spec.workingDirectory = folder.path
        spec.extraEnvironment = ProcrunBinary.quiet
        spec.timeout = .seconds(120)
        let result = try ProcessRunner.run(spec)
        return (result.exitCode, result.stdout.text)
    }

    static let slow = """
        name: slow
        steps:
          - id: nap
            action: shell
            parameters: {command: sleep 2}
          - id: quick
            action: shell
            parameters: {command: echo done}

        """

    @Test("on a terminal, a step running longer than a second shows its elapsed time, rewritten in place")
    func elapsedOnTerminal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("slow.yaml", Self.slow)
        let run = try Self.onTerminal(["slow.yaml", "--no-learn"], in: folder)
        #expect(run.status == 0)
        let ticks = run.output.split(separator: "\r").filter { $0.hasPrefix("  1/2 … shell  nap    1.") && $0.hasSuffix("s\u{1B}[K") }
        #expect(ticks.count >= 2, "\(run.output)")
        // The quick step's line is never given a time while it runs.
        #expect(!run.output.contains("… shell  quick  0"))
        // Two seconds and a few milliseconds: `2s` or `2.01s` (durations leave out trailing zeros).
        #expect(run.output.contains("\r\u{1B}[K  1/2 ✓ shell  nap    2"))
        #expect(run.output.contains("✓ slow succeeded in 2"))
    }

    @Test("on a terminal, a parallel group's running line comes back under each finished step, with how many are done")
    func groupOnTerminal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "group.yaml",
            """
            name: group
            steps:
              - id: checks
                parallel:
                  max: 2
                  steps:
                    - {id: fast, action: shell, parameters: {command: sleep 0.2}}
                    - {id: slow, action: shell, parameters: {command: sleep 1.5}}
            """)
        let run = try Self.onTerminal(["group.yaml", "--no-learn"], in: folder)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\r")
        #expect(lines.contains { $0.hasPrefix("  1/3 … parallel  checks  1 of 2 done") }, "\(run.output)")
        // The group's time keeps counting from the group's start, not from the step that finished.
        #expect(lines.contains { $0.hasPrefix("  1/3 … parallel  checks  1 of 2 done  1.") }, "\(run.output)")
        #expect(run.output.contains("  1/3 ✓ parallel  checks  1.5"))
    }

    @Test("in a pipe, each step is a line printed when the step finishes, and nothing is rewritten")
    func linesInPipe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The second step reads what procrun has printed so far: the first step's line must be there.
        try folder.write(
            "peek.yaml",
            """
            name: peek
            steps:
              - id: nap
                action: shell
                parameters: {command: sleep 0.2}
              - id: peek
                action: shell
                parameters: {command: cat out.txt}
                expect: {contains: "1/2 ✓ shell  nap"}

            """)
        let result = try ProcessRunner.run(
            ProcessSpec(arguments: ["sh", "-c", "cd '\(folder.path)' && NO_COLOR=1 GITHUB_ACTIONS= '\(ProcrunBinary.path)' peek.yaml --no-learn > out.txt"]))
        #expect(result.exitCode == 0)
        let printed = try folder.read("out.txt")
        WholeText.expect(printed, equals: """
            ▶ peek (peek.yaml, 2 steps)
              1/2 ✓ shell  nap   <duration>
              2/2 ✓ shell  peek  <duration>
            ✓ peek succeeded in <duration>: 2 succeeded

            """, "what procrun printed", normalizing: [.durations])
    }

    @Test("a failed step shows the tail of its standard output as well as its standard error")
    func failureTail() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Makefile", "test:\n\t@echo ok add\n\t@echo FAIL mul\n\t@echo '1 passed, 1 failed'\n\t@false\n")
        try folder.write(
            "test.yaml",
            """
            name: test
            steps:
              - id: test
                action: shell
                parameters: {command: make test}

            """)
        try ProcrunBinary.expect(["test.yaml", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ test (test.yaml, 1 step)
              1/1 ✗ shell  test  <duration>
                  error: expected exit code 0, got 2: make: *** [Makefile:5: test] Error 1
                  stdout:
                  │ ok add
                  │ FAIL mul
                  │ 1 passed, 1 failed
                  stderr:
                  │ make: *** [Makefile:5: test] Error 1
            ✗ test failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (test)

            """, normalizing: [.durations])
    }

    @Test("a failed step with output on one stream shows it without labels, its last five lines")
    func failureTailOneStream() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "count.yaml",
            """
            name: count
            steps:
              - action: shell
                parameters: {command: "sh -c 'seq 1 9; exit 1'"}

            """)
        try ProcrunBinary.expect(["count.yaml", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ count (count.yaml, 1 step)
              1/1 ✗ shell  #1  <duration>
                  error: expected exit code 0, got 1
                  │ 5
                  │ 6
                  │ 7
                  │ 8
                  │ 9
            ✗ count failed in <duration>: 0 succeeded, 1 failed; first failure: step 1

            """, normalizing: [.durations])
    }

    @Test("show prints each step's command as it will run, templates as written, library actions expanded")
    func showCommands() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "procrun.yaml",
            """
            actions:
              build_image:
                parameters:
                  service: {required: true}
                  tag: {default: latest}
                command: "docker build -t {{ params.service }}:{{ params.tag }} {{ params.service | upper }}"

            """)
        try folder.write(
            "ship.yaml",
            """
            name: ship
            inputs:
              tag: {type: string, default: v1}
            steps:
              - id: test
                action: shell
                parameters: {command: "make test TAG={{ inputs.tag }}"}
              - id: build
                action: build_image
                parameters: {service: api, tag: "{{ inputs.tag }}"}
              - id: base
                action: build_image
                parameters: {service: base}
              - id: tag
                action: shell
                parameters: {command: [git, tag, "release {{ inputs.tag }}"]}
              - action: log
                parameters: {message: shipped}

            """)
        try ProcrunBinary.expect(["show", "ship.yaml"], in: folder.path, stdout: """
            ship (ship.yaml)

            inputs:
              tag  string  default: v1

            steps:
              1  test   shell
                  $ make test TAG={{ inputs.tag }}
              2  build  build_image
                  $ docker build -t api:{{ inputs.tag }} {{ params.service | upper }}
              3  base   build_image
                  $ docker build -t base:latest {{ params.service | upper }}
              4  tag    shell
                  $ git tag 'release {{ inputs.tag }}'
              5  #5     log

            call tree:
            ship
              (calls no procedure)

            """)
    }
}
