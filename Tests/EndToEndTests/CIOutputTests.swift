import ProcrunKit
import Testing

/// What a CI log shows (issue 25, points 6 and 7): one line per finished step in a pipe, a start
/// line only for a step that runs long, a parallel group's steps in file order, each failure counted
/// once, and with `GITHUB_ACTIONS=true` foldable groups and annotations at the failing places.
@Suite("CI output", .serialized)
struct CIOutputTests {
    static let actions = [("GITHUB_ACTIONS", "true")]

    /// A parallel group whose steps finish in an order unlike the file's (`slow` and `broken` wait
    /// for the unnamed step), one of them failing, and a step after the group that never runs.
    static let checks = """
        name: checks
        steps:
          - id: checks
            parallel:
              fail_fast: false
              steps:
                - {id: slow, action: shell, parameters: {command: "until [ -f fast-done ]; do sleep 0.01; done"}}
                - {action: shell, parameters: {command: "touch fast-done"}}
                - {id: broken, action: shell, parameters: {command: "until [ -f fast-done ]; do sleep 0.01; done; echo bad >&2; exit 3"}}
          - action: shell
            parameters: {command: echo never}

        """

    static let checksRun = """
        ▶ checks (checks.yaml, 5 steps)
            2/5 ✓ shell     slow    <duration>
            3/5 ✓ shell     #3      <duration>
            4/5 ✗ shell     broken  <duration>
              error: expected exit code 0, got 3: bad
              │ bad
          1/5 ✗ parallel  checks  <duration>
              error: step 'broken' failed: expected exit code 0, got 3: bad
        ✗ checks failed in <duration>: 2 succeeded, 1 failed, 1 not run; first failure: step 4 (broken)

        """

    @Test("in a pipe, each step is one line, printed when it finishes: a five-step run is seven lines; -v adds start lines")
    func oneLinePerStep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "five.yaml",
            """
            name: five
            steps:
              - {id: build, action: shell, parameters: {command: echo built}}
              - {action: shell, parameters: {command: "true"}}
              - {id: wait, action: sleep, parameters: {duration: 10ms}}
              - {id: check, action: shell, parameters: {command: "true"}}
              - {id: ship, action: shell, parameters: {command: "true"}}

            """)
        try ProcrunBinary.expect(["five.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ five (five.yaml, 5 steps)
              1/5 ✓ shell  build  <duration>
              2/5 ✓ shell  #2     <duration>
              3/5 ✓ sleep  wait   <duration>
              4/5 ✓ shell  check  <duration>
              5/5 ✓ shell  ship   <duration>
            ✓ five succeeded in <duration>: 5 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["five.yaml", "--no-learn", "-v"], in: folder.path, stdout: """
            ▶ five (five.yaml, 5 steps)
              1/5 … shell  build
            built
              1/5 ✓ shell  build  <duration>
              2/5 … shell  #2
              2/5 ✓ shell  #2     <duration>
              3/5 … sleep  wait
              3/5 ✓ sleep  wait   <duration>
              4/5 … shell  check
              4/5 ✓ shell  check  <duration>
              5/5 … shell  ship
              5/5 ✓ shell  ship   <duration>
            ✓ five succeeded in <duration>: 5 succeeded

            """, normalizing: [.durations])
    }

    @Test("in a pipe, a step that has run for five seconds gets its start line then")
    func longStepAnnounced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The first step waits until procrun has printed its start line: however loaded the
        // machine, it ends only once the line is there (or fails after a minute).
        try folder.write(
            "long.yaml",
            """
            name: long
            steps:
              - id: nap
                action: shell
                timeout: 60s
                parameters: {command: "until grep -q '1/2 … shell  nap' out.txt; do sleep 0.1; done"}
              - id: quick
                action: shell
                parameters: {command: echo done}

            """)
        var spec = ProcessSpec(arguments: ["sh", "-c", "'\(ProcrunBinary.path)' long.yaml --no-learn > out.txt"])
        spec.workingDirectory = folder.path
        spec.extraEnvironment = ProcrunBinary.quiet
        spec.timeout = .seconds(120)
        let started = ContinuousClock.now
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0)
        #expect(ContinuousClock.now - started >= .seconds(5))
        WholeText.expect(try folder.read("out.txt"), equals: """
            ▶ long (long.yaml, 2 steps)
              1/2 … shell  nap
              1/2 ✓ shell  nap    <duration>
              2/2 ✓ shell  quick  <duration>
            ✓ long succeeded in <duration>: 2 succeeded

            """, "what procrun printed", normalizing: [.durations])
    }

    @Test("a parallel group's steps in file order in a pipe, its failure counted once; JUnit: one flat suite, a case per step that ran, nested calls named by their chain")
    func junitWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("checks.yaml", Self.checks)
        try ProcrunBinary.expect(
            ["checks.yaml", "--no-learn", "--junit", "checks.xml"], in: folder.path, status: 1, stdout: Self.checksRun, normalizing: [.durations])
        let times = OutputNormalization.replacing(#"time="[0-9]+\.[0-9]{3}""#, with: #"time="<s>""#, "times")
        WholeText.expect(try folder.read("checks.xml"), equals: """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="procrun" tests="3" failures="1" errors="0" skipped="0" time="<s>">
              <testsuite name="checks" tests="3" failures="1" errors="0" skipped="0" time="<s>" file="checks.yaml">
                <testcase name="slow" classname="checks" time="<s>" file="checks.yaml"/>
                <testcase name="shell (step 3)" classname="checks" time="<s>" file="checks.yaml"/>
                <testcase name="broken" classname="checks" time="<s>" file="checks.yaml">
                  <failure message="expected exit code 0, got 3: bad" type="failed">expected exit code 0, got 3: bad

            stderr (last lines):
            bad</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """, "the JUnit report", normalizing: [times])

        let library = try ComposeFixture("three-levels")
        defer { library.remove() }
        _ = try library.run(["top.yaml", "--no-learn", "--junit", "top.xml"])
        WholeText.expect(try library.folder.read("top.xml"), equals: """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="procrun" tests="3" failures="1" errors="0" skipped="0" time="<s>">
              <testsuite name="top" tests="3" failures="1" errors="0" skipped="0" time="<s>" file="top.yaml">
                <testcase name="prepare" classname="top" time="<s>" file="top.yaml"/>
                <testcase name="middle › bottom › fine" classname="top" time="<s>" file="inner/bottom.yaml"/>
                <testcase name="middle › bottom › build_image" classname="top" time="<s>" file="inner/bottom.yaml">
                  <failure message="expected exit code 0, got 3: no space left" type="failed">expected exit code 0, got 3: no space left

            stderr (last lines):
            no space left</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """, "the JUnit report", normalizing: [times])
    }

    @Test("GITHUB_ACTIONS=true: a called procedure's steps fold into a group; each failed step is an annotation at its place, once")
    func actionsRun() throws {
        let library = try ComposeFixture("three-levels")
        defer { library.remove() }
        try ProcrunBinary.expect(["top.yaml", "--no-learn"], in: library.path, environment: Self.actions, status: 1, stdout: """
            ▶ top (top.yaml, 3 steps)
              1/3 ✓ log         prepare  <duration>
                  starting
            ::group::2/3 ↳ middle      mid      calls middle (inner/middle.yaml)
                  1/1 ↳ replay_procedure  low  calls bottom (inner/bottom.yaml)
                      1/2 ✓ shell  fine         <duration>
                      2/2 ✗ shell  build_image  <duration>
                          error: expected exit code 0, got 3: no space left
                          │ no space left
            ::error file=inner/bottom.yaml,line=8,col=5,title=bottom › build_image::expected exit code 0, got 3: no space left
                  1/1 ✗ replay_procedure  low  <duration>
                      error: middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left
            ::endgroup::
              2/3 ✗ middle      mid      <duration>
                  error: top › middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3: no space left
            ✗ top failed in <duration>: 2 succeeded, 1 failed, 1 not run; first failure: step 2 (mid)

            """, normalizing: [.durations])

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("checks.yaml", Self.checks)
        let annotated = Self.checksRun.replacingOccurrences(
            "      │ bad\n", with: "      │ bad\n::error file=checks.yaml,line=9,col=11,title=checks › broken::expected exit code 0, got 3: bad\n")
        try ProcrunBinary.expect(["checks.yaml", "--no-learn"], in: folder.path, environment: Self.actions, status: 1, stdout: annotated, normalizing: [.durations])
    }

    @Test("GITHUB_ACTIONS=true: every problem check and run find is also an annotation, escaped")
    func actionsCheck() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "bad, file.yaml",
            """
            name: bad
            steps:
              - id: greet
                action: log
                parameters: {mesage: "100%"}
                timeout: soon

            """)
        let problems = """
            bad, file.yaml:5:18: error: unknown parameter 'mesage' for action 'log'; did you mean 'message'?
                parameters: {mesage: "100%"}
                             ^
            ::error file=bad%2C file.yaml,line=5,col=18::unknown parameter 'mesage' for action 'log'; did you mean 'message'?
            bad, file.yaml:6:14: error: expected a duration for 'timeout' (such as 500ms, 30s, 5m), found the string 'soon'
                timeout: soon
                         ^
            ::error file=bad%2C file.yaml,line=6,col=14::expected a duration for 'timeout' (such as 500ms, 30s, 5m), found the string 'soon'

            """
        try ProcrunBinary.expect(
            ["check", "bad, file.yaml"], in: folder.path, environment: Self.actions, status: 2, stderr: problems + "2 problems found in 1 file\n")
        try ProcrunBinary.expect(["run", "bad, file.yaml"], in: folder.path, environment: Self.actions, status: 2, stderr: problems)
    }
}
