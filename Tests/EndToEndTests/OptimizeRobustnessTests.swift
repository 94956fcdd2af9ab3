import ProcrunKit
import Testing

/// `optimize` makes flaky steps robust and never removes a gate.
@Suite("optimize: flaky steps and gates", .serialized)
struct OptimizeRobustnessTests {
    @Test("a flaky step's record gives it retries in the same reviewable diff, with the reason beside it; --write applies it")
    func flaky() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", """
            name: deploy
            steps:
              - id: fetch
                action: shell
                parameters: {command: curl -fsS https://example.invalid/artifact}
              - id: slowpoke
                action: shell
                parameters: {command: make wait}
              - id: install
                action: shell
                parameters: {command: make install}
            stats:
              execution_count: 10
              successes: 6
              failures: 4
              success_rate: 0.600
              total_duration_ms: 10000
              avg_duration_ms: 1000
              last_executed: "2026-11-27T10:00:00Z"
              steps:
                fetch: {runs: 10, successes: 7, failures: 3, skips: 0, total_duration_ms: 3000, last_error: "expected exit code 0, got 22"}
                slowpoke: {runs: 7, successes: 6, failures: 1, skips: 0, total_duration_ms: 7000, timeouts: 1, last_error: "timed out after 2s"}
                install: {runs: 6, successes: 6, failures: 0, skips: 0, total_duration_ms: 60}

            """)
        let plan = try ProcrunBinary.run(["optimize", "deploy.yaml"], in: folder.path)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("flaky: step 1 ('fetch'): 3 of 10 runs failed; last error: expected exit code 0, got 22; adding retries: {count: 2, delay: 1s, backoff: 2}\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("flaky: step 2 ('slowpoke'): 1 of 7 runs failed; last error: timed out after 2s; adding retries: {count: 2, delay: 1s, backoff: 2} and timeout: 3s\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("     parameters: {command: curl -fsS https://example.invalid/artifact}\n+    retries: {count: 2, delay: 1s, backoff: 2}\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("+    timeout: 3s\n"))
        #expect(!plan.stdout.contains("step 3 ('install')"))
        let write = try ProcrunBinary.run(["optimize", "deploy.yaml", "--write"], in: folder.path)
        #expect(write.status == 0, "\(write.stderr)")
        let text = try folder.read("deploy.yaml")
        #expect(text.contains("name: deploy\nversion: 2\n"))
        #expect(try ProcrunBinary.run(["check", "deploy.yaml"], in: folder.path).status == 0)
    }

    @Test("a failing gate is reported as broken, not removed; --remove-failing removes it; a failing step that goes on is removed")
    func gate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = """
            name: release
            steps:
              - id: test
                action: shell
                parameters: {command: make test}
              - id: lint
                action: shell
                parameters: {command: make lint}
                on_failure: continue
              - id: install
                action: shell
                parameters: {command: make install}
            stats:
              execution_count: 3
              successes: 0
              failures: 3
              steps:
                test: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 30, last_error: "expected exit code 0, got 2"}
                lint: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 30, last_error: "expected exit code 0, got 1"}

            """
        try folder.write("release.yaml", original)
        let plan = try ProcrunBinary.run(["optimize", "release.yaml"], in: folder.path)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("broken: step 1 ('test'): 3 of 3 runs failed, and each failure stopped the procedure; last error: expected exit code 0, got 2; check what it checks (or pass --remove-failing to drop it)\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("remove: step 2 ('lint'): 3 of 3 runs failed; last error: expected exit code 0, got 1\n"))
        #expect(!plan.stdout.contains("-  - id: test\n"))
        #expect(plan.stdout.contains("-  - id: lint\n"))
        let forced = try ProcrunBinary.run(["optimize", "release.yaml", "--remove-failing"], in: folder.path)
        #expect(forced.stdout.contains("remove: step 1 ('test')"), "\(forced.stdout)")
        #expect(forced.stdout.contains("-  - id: test\n"))
        #expect(try folder.read("release.yaml") == original)
    }
}
