import Foundation
import Testing

extension LanguageFeatureTests {
    @Test("a parallel group of four 'sleep 1' steps finishes in under 2 s; each step has its record; later steps read them")
    func parallelGroup() throws {
        let clock = ContinuousClock.now
        try run("parallel.yaml") { output, folder in
            let elapsed = ContinuousClock.now - clock
            #expect(output.status == 0, "stderr: \(output.stderr)")
            // The issue's bound: four one-second steps side by side take one second, not four.
            #expect(elapsed < .seconds(2), "took \(elapsed)")
            #expect(output.stdout.contains("      one four success\n"))
            let lines = output.stdout.split(separator: "\n")
            // Each step of the group reports on lines of its own, indented under the group, and
            // the group's line comes after them.
            for name in ["one", "two", "three", "four"] { #expect(lines.contains { $0.hasPrefix("    ") && $0.contains("✓ shell     \(name)") }) }
            #expect(lines.last { $0.contains("parallel  checks") }?.contains("✓") == true)
            let file = try folder.read("parallel.yaml")
            for key in ["checks", "one", "two", "three", "four"] {
                #expect(file.contains("    \(key): {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: "))
            }
            // Written once for the run.
            #expect(file.components(separatedBy: "execution_count: 1\n").count == 2)
        }
    }

    @Test("the JSON report lists a group's steps right after it, each with the group's number")
    func parallelInJSON() throws {
        try run("parallel.yaml", ["--json"]) { output, _ in
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["step"] as? Int } == [1, 2, 3, 4, 5, 6, 7])
            #expect(steps.map { $0["group"] as? Int } == [nil, nil, 2, 2, 2, 2, nil])
            #expect(steps.map { $0["action"] as? String } == ["log", "parallel", "shell", "shell", "shell", "shell", "log"])
        }
    }

    @Test("fail_fast: the first failure ends the running steps and keeps the others from starting; they count as skipped")
    func parallelFailFast() throws {
        try run("parallel-fail-fast.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(
                normalized(output.stdout) == """
                    ▶ parallel_fail_fast (parallel-fail-fast.yaml, 5 steps)
                      1/5 … parallel  checks
                        3/5 … shell     broken
                        3/5 ✗ shell     broken  T
                          error: expected exit code 0, got 3: bad
                          │ bad
                        2/5 … shell     slow
                        2/5 - shell     slow    skipped
                          ended early: another step of its parallel group failed (fail_fast)
                        4/5 - shell     later   skipped
                          not started: another step of its parallel group failed (fail_fast)
                      1/5 ✗ parallel  checks  T
                          error: step 'broken' failed: expected exit code 0, got 3: bad
                    ✗ parallel_fail_fast failed in T: 0 succeeded, 2 failed, 2 skipped, 1 not run; first failure: step 1 (checks)

                    """)
            #expect(!folder.exists("slow-finished"))
            #expect(!folder.exists("later-ran"))
            let file = try folder.read("parallel-fail-fast.yaml")
            #expect(file.contains("    slow: {runs: 0, successes: 0, failures: 0, skips: 1"))
            #expect(file.contains(#"    checks: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: "#))
        }
    }

    @Test("fail_fast: false lets every step of the group run to its end; on_failure: continue goes on after the group")
    func parallelWithoutFailFast() throws {
        try run("parallel-no-fail-fast.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(output.stdout.contains("      success failed success\n"))
            #expect(folder.exists("slow-finished"))
            #expect(folder.exists("later-ran"))
        }
    }

    @Test("output of steps side by side is never interleaved: each step's streamed lines come in one piece")
    func parallelOutput() throws {
        try run("parallel-output.yaml", ["--verbose", "--no-learn"]) { output, _ in
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
        let output = try ProcrunBinary.run(["check", "parallel-broken.yaml"], in: folder.path)
        #expect(output.status == 2)
        #expect(
            output.stderr == """
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
        try run("parallel-callee.yaml", extra: ["parallel-callee-child.yaml"]) { output, folder in
            #expect(output.status == 1)
            #expect(output.stdout.contains("error: ended early: another step of its parallel group failed (fail_fast)"))
            #expect(folder.exists("child-cleanup-ran"))
            #expect(folder.exists("cache-stopped"))
        }
    }

    @Test("--from cannot start inside a parallel group")
    func parallelFrom() throws {
        try run("parallel.yaml", ["--from", "two"]) { output, _ in
            #expect(output.status == 2)
            #expect(output.stderr.contains("error: --from two: step 'two' is in the parallel group 'checks', whose steps run together; start from the group"))
        }
    }
}
