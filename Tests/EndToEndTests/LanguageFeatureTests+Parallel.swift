import Testing

extension LanguageFeatureTests {
    @Test("a parallel group of four 'sleep 1' steps finishes in under 2 s; each step has its record; later steps read them")
    func parallelGroup() throws {
        let clock = ContinuousClock.now
        try runVarying("parallel.yaml") { output, folder in
            // The steps of the group finish in any order, and are printed in file order when it ends.
            output.expect(stdout: """
                ▶ parallel_checks (parallel.yaml, 7 steps)
                  1/7 ✓ log       prepare  <duration>
                      starting
                    3/7 ✓ shell     one      <duration>
                    4/7 ✓ shell     two      <duration>
                    5/7 ✓ shell     three    <duration>
                    6/7 ✓ shell     four     <duration>
                  2/7 ✓ parallel  checks   <duration>
                  7/7 ✓ log       #7       <duration>
                      one four success
                ✓ parallel_checks succeeded in <duration>: 6 succeeded

                """, normalizing: [.durations])
            let elapsed = ContinuousClock.now - clock
            #expect(output.status == 0, "stderr: \(output.stderr)")
            // The bound: four one-second steps side by side take one second, not four.
            #expect(elapsed < .seconds(2), "took \(elapsed)")
            #expect(output.stdout.contains("      one four success\n"))
            let lines = output.stdout.split(separator: "\n")
            // Each step of the group reports on lines of its own, indented under the group, and
            // the group's line comes after them.
            for name in ["one", "two", "three", "four"] { #expect(lines.contains { $0.hasPrefix("    ") && $0.contains("✓ shell     \(name)") }) }
            #expect(lines.last { $0.contains("parallel  checks") }?.contains("✓") == true)
            WholeText.expect(try folder.statsBlock("parallel.yaml"), equals: """
                stats:
                  execution_count: 1
                  successes: 1
                  failures: 0
                  success_rate: 1.000
                  total_duration_ms: <ms>
                  avg_duration_ms: <ms>
                  last_executed: "<time>"  # run <run>
                  steps:
                    prepare: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    checks: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    one: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    two: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    three: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    four: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    log#6b1103ce: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

                """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
            // Written once for the run.
        }
    }

    @Test("without max, every step of a group starts at once, whatever the number of processors")
    func parallelStartsAll() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Each step marks that it started, then waits (at most 20 s) until all eight have: only a
        // group that starts all eight together can finish.
        let wait = "touch started.$0; i=0; while [ $(ls started.* | wc -l) -lt 8 ]; do i=$((i+1)); [ $i -gt 400 ] && exit 1; sleep 0.05; done"
        let steps = (1...8).map { "      - {id: s\($0), action: shell, parameters: {command: [sh, -c, '\(wait)', '\($0)']}}" }
        try folder.write("barrier.yaml", "name: barrier\nsteps:\n  - id: all\n    parallel:\n      steps:\n" + steps.joined(separator: "\n") + "\n")
        try ProcrunBinary.expect(["run", "--quiet", "--no-learn", "barrier.yaml"], in: folder.path)
    }

    @Test("the JSON report lists a group's steps right after it, each with the group's number")
    func parallelInJSON() throws {
        try run("parallel.yaml", ["--json"], stdout: """
            {"procedure":"parallel_checks","file":"parallel.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"prepare","action":"log","status":"success","outcome":"starting","duration_ms":<ms>,\
            "error":null,"attempts":1},{"step":2,"id":"checks","action":"parallel","status":"success","outcome":"",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":3,"id":"one","action":"shell","status":"success","outcome":"one",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1,"group":2},{"step":4,"id":"two","action":"shell",\
            "status":"success","outcome":"two","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1,"group":2},{"step":5,\
            "id":"three","action":"shell","status":"success","outcome":"three","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1,"group":2},{"step":6,"id":"four","action":"shell","status":"success","outcome":"four","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1,"group":2},{"step":7,"id":null,"action":"log","status":"success",\
            "outcome":"one four success","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """)
    }

    @Test("fail_fast: the first failure ends the running steps and keeps the others from starting; they count as skipped")
    func parallelFailFast() throws {
        try run("parallel-fail-fast.yaml", status: 1, stdout: """
            ▶ parallel_fail_fast (parallel-fail-fast.yaml, 5 steps)
                2/5 - shell     slow    skipped
                  ended early: another step of its parallel group failed (fail_fast)
                3/5 ✗ shell     broken  <duration>
                  error: expected exit code 0, got 3: bad
                  │ bad
                4/5 - shell     later   skipped
                  not started: another step of its parallel group failed (fail_fast)
              1/5 ✗ parallel  checks  <duration>
                  error: step 'broken' failed: expected exit code 0, got 3: bad
            ✗ parallel_fail_fast failed in <duration>: 0 succeeded, 1 failed, 2 skipped, 1 not run; first failure: step 3 (broken)

            """) { output, folder in
            #expect(!folder.exists("slow-finished"))
            #expect(!folder.exists("later-ran"))
            WholeText.expect(try folder.statsBlock("parallel-fail-fast.yaml"), equals: """
                stats:
                  execution_count: 1
                  successes: 0
                  failures: 1
                  success_rate: 0.000
                  total_duration_ms: <ms>
                  avg_duration_ms: <ms>
                  last_executed: "<time>"  # run <run>
                  steps:
                    checks: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "step 'broken' failed: expected exit code 0, got 3"}
                    slow: {runs: 0, successes: 0, failures: 0, skips: 1, total_duration_ms: <ms>}
                    broken: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "expected exit code 0, got 3"}
                    later: {runs: 0, successes: 0, failures: 0, skips: 1, total_duration_ms: <ms>}

                """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
        }
    }

    @Test("fail_fast: false lets every step of the group run to its end; on_failure: continue goes on after the group")
    func parallelWithoutFailFast() throws {
        try runVarying("parallel-no-fail-fast.yaml") { output, folder in
            output.expect(status: 1, stdout: """
                ▶ parallel_no_fail_fast (parallel-no-fail-fast.yaml, 5 steps)
                    2/5 ✓ shell     slow    <duration>
                    3/5 ✗ shell     broken  <duration>
                      error: expected exit code 0, got 3
                    4/5 ✓ shell     later   <duration>
                  1/5 ✗ parallel  checks  <duration>
                      error: step 'broken' failed: expected exit code 0, got 3
                  5/5 ✓ log       #5      <duration>
                      success failed success
                ✗ parallel_no_fail_fast failed in <duration>: 3 succeeded, 1 failed; first failure: step 3 (broken)

                """, normalizing: [.durations])
            #expect(output.status == 1)
            #expect(output.stdout.contains("      success failed success\n"))
            #expect(folder.exists("slow-finished"))
            #expect(folder.exists("later-ran"))
        }
    }

    @Test("output of steps side by side is never interleaved: each step's streamed lines come in one piece")
    func parallelOutput() throws {
        try runVarying("parallel-output.yaml", ["--verbose", "--no-learn"]) { output, _ in
            output.expect(stdout: """
                ▶ parallel_output (parallel-output.yaml, 3 steps)
                  1/3 … parallel  both
                    2/3 … shell     a
                a1
                a2
                a3
                    2/3 ✓ shell     a     <duration>
                    3/3 … shell     b
                b1
                b2
                b3
                    3/3 ✓ shell     b     <duration>
                  1/3 ✓ parallel  both  <duration>
                ✓ parallel_output succeeded in <duration>: 2 succeeded

                """, normalizing: [.durations])
            #expect(output.status == 0)
            #expect(output.stdout.contains("a1\na2\na3\n"))
            #expect(output.stdout.contains("b1\nb2\nb3\n"))
        }
    }

    @Test("parallel mistakes are found before the run, each at its place")
    func parallelChecks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/parallel-broken.yaml")
        try ProcrunBinary.expect(["check", "parallel-broken.yaml"], in: folder.path, status: 2, stderr: """
            parallel-broken.yaml:5:5: error: step 1 has both 'action' and 'parallel'; a step either runs an action or is a parallel group of steps
                parallel:
                ^
            parallel-broken.yaml:8:5: error: 'timeout' is not taken by a parallel group; give it to the group's steps (a group takes id, when, notes and on_failure)
                timeout: 5s
                ^
            parallel-broken.yaml:10:12: error: 'max' must be from 1 to 1024, found 0
                  max: 0
                       ^
            parallel-broken.yaml:11:7: error: unknown key 'fail_fst' in 'parallel'; did you mean 'fail_fast'?
                  fail_fst: true
                  ^
            parallel-broken.yaml:14:19: error: a 'set' step cannot be in a parallel group: steps side by side have no order to set variables in; set them before or after the group
                      action: set
                              ^
            parallel-broken.yaml:17:11: error: parallel groups do not nest; put these steps in the outer group
                      parallel: {steps: [{action: log, parameters: {message: hi}}]}
                      ^
            parallel-broken.yaml:20:37: error: step 'd' (step 6) has not run yet here; a template can read only earlier steps, and a step of a parallel group only steps before its group
                      parameters: {message: "{{ steps.d.stdout }}"}
                                                ^
            parallel-broken.yaml:25:23: error: 'parallel.steps' is empty; a parallel group needs at least one step
                parallel: {steps: []}
                                  ^
            parallel-broken.yaml:26:9: error: duplicate step id 'a' (first used at line 13, column 15)
              - id: a
                    ^
            parallel-broken.yaml:32:11: error: a step of a parallel group cannot set 'on_failure: continue': its failure fails the group; give 'on_failure' to the group, and 'fail_fast: false' to let the others finish
                    - {id: opt, action: shell, on_failure: continue, parameters: {command: "exit 1"}}
                      ^
            10 problems found in 1 file

            """)
    }

    @Test("fail_fast never skips cleanup: a called procedure's finally step runs when its caller's branch is called off, and a group among finally steps lets every step run")
    func parallelCleanup() throws {
        try runVarying("parallel-callee.yaml", extra: ["parallel-callee-child.yaml"]) { output, folder in
            output.expect(status: 1, stdout: """
                ▶ parallel_callee (parallel-callee.yaml, 6 steps)
                    2/6 ↳ parallel_callee_child  call        calls parallel_callee_child (parallel-callee-child.yaml)
                      1/2 ✗ shell  #1  <duration>
                          error: ended early: another step of its parallel group failed (fail_fast)
                      finally
                      2/2 ✓ shell  #2  <duration>
                    2/6 - parallel_callee_child  call        skipped
                      parallel_callee › parallel_callee_child › #1 failed at parallel-callee-child.yaml:3:5: ended early: another step of its parallel group failed (fail_fast)
                    3/6 ✗ shell                  bad         <duration>
                      error: expected exit code 0, got 2
                  1/6 ✗ parallel               group       <duration>
                      error: step 'bad' failed: expected exit code 0, got 2
                  finally
                    5/6 ✗ shell                  stop_db     <duration>
                      error: expected exit code 0, got 1
                    6/6 ✓ shell                  stop_cache  <duration>
                  4/6 ✗ parallel               cleanup     <duration>
                      error: step 'stop_db' failed: expected exit code 0, got 1
                ✗ parallel_callee failed in <duration>: 2 succeeded, 3 failed; first failure: step 3 (bad)

                """, normalizing: [.durations])
            #expect(output.status == 1)
            #expect(output.stdout.contains("error: ended early: another step of its parallel group failed (fail_fast)"))
            #expect(folder.exists("child-cleanup-ran"))
            #expect(folder.exists("cache-stopped"))
        }
    }

    @Test("--from cannot start inside a parallel group")
    func parallelFrom() throws {
        try run("parallel.yaml", ["--from", "two"], status: 2, stderr: """
            error: --from two: step 'two' is in the parallel group 'checks', whose steps run together; start from the group

            """)
    }
}
