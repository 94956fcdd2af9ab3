import ProcrunKit
import Testing

/// `optimize` judges each step of a parallel group and each `finally` step by its own figures,
/// on the procedures of Fixtures/optimize (their stats blocks written as runs left them).
@Suite("optimize: parallel groups and finally steps", .serialized)
struct OptimizeGroupTests {
    /// Runs `procrun optimize NAME ARGUMENTS` on a copy of `Fixtures/optimize/NAME` in `folder`.
    static func optimize(_ name: String, _ arguments: [String] = [], in folder: TemporaryFolder) throws -> ProcrunBinary.Output {
        if !folder.exists(name) { _ = try folder.copy(ProcrunBinary.fixtures + "/optimize/" + name) }
        return try ProcrunBinary.run(["optimize", name] + arguments, in: folder.path)
    }

    /// Runs ``optimize(_:_:in:)`` and expects success, nothing on standard error and exactly
    /// `expected` on standard output.
    static func expect(
        _ name: String, _ arguments: [String] = [], in folder: TemporaryFolder, prints expected: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let output = try optimize(name, arguments, in: folder)
        #expect(output.status == 0, sourceLocation: sourceLocation)
        #expect(output.stderr == "", sourceLocation: sourceLocation)
        #expect(output.stdout == expected, sourceLocation: sourceLocation)
    }

    @Test("a failing step of a group that goes on is spliced out of 'parallel.steps' alone; a failing step of a group that stops is a broken gate")
    func member() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // What optimize prints before it says whether it wrote the file.
        let plan = """
            remove: step 4 ('lint', in group 'checks'): 3 of 3 runs failed; last error: expected exit code 0, got 2
            broken: step 8 ('sign', in group 'package'): 3 of 3 runs failed, and each failure stopped the procedure; last error: expected exit code 0, got 2; check what it checks (or pass --remove-failing to drop it)
            --- a/release-checks.yaml
            +++ b/release-checks.yaml
            @@ -1,6 +1,6 @@
             # Builds, checks side by side, then packages.
             name: release_checks
            -version: 2
            +version: 3
             steps:
               - id: build
                 action: shell
            @@ -11,9 +11,6 @@
                   fail_fast: false
                   steps:
                     - {id: unit, action: shell, parameters: {command: make test}}
            -        - id: lint
            -          action: shell
            -          parameters: {command: make lint}
                     - {id: docs, action: shell, parameters: {command: make docs}}
               - id: package
                 parallel:
            @@ -34,7 +31,6 @@
                 build: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 900}
                 checks: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 1500, last_error: "step 'lint' failed: expected exit code 0, got 2"}
                 unit: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1200}
            -    lint: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 150, last_error: "expected exit code 0, got 2"}
                 docs: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1500}
                 package: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 1200, last_error: "step 'sign' failed: expected exit code 0, got 2"}
                 tarball: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1200}

            """
        try Self.expect("release-checks.yaml", in: folder, prints: plan + "(not written; run with --write to apply)\n")
        let original = try folder.read("release-checks.yaml")
        try Self.expect("release-checks.yaml", ["--write"], in: folder, prints: plan + "written: release-checks.yaml (version 3)\n")
        let expected = original.replacingAll("version: 2\n", with: "version: 3\n")
            .replacingAll("        - id: lint\n          action: shell\n          parameters: {command: make lint}\n", with: "")
            .replacingAll("    lint: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 150, last_error: \"expected exit code 0, got 2\"}\n", with: "")
        #expect(try folder.read("release-checks.yaml") == expected)
        try ProcrunBinary.expect(["check", "release-checks.yaml"], in: folder.path, stdout: "ok: release-checks.yaml: 'release_checks', 7 steps\n")
    }

    @Test("--remove-failing removes a failing step of a group that stops too, and the group keeps its other steps")
    func memberGate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = try Self.optimize("release-checks.yaml", ["--remove-failing", "--write"], in: folder)
        output.expect(stdout: """
            remove: step 4 ('lint', in group 'checks'): 3 of 3 runs failed; last error: expected exit code 0, got 2
            remove: step 8 ('sign', in group 'package'): 3 of 3 runs failed; last error: expected exit code 0, got 2
            --- a/release-checks.yaml
            +++ b/release-checks.yaml
            @@ -1,6 +1,6 @@
             # Builds, checks side by side, then packages.
             name: release_checks
            -version: 2
            +version: 3
             steps:
               - id: build
                 action: shell
            @@ -11,17 +11,11 @@
                   fail_fast: false
                   steps:
                     - {id: unit, action: shell, parameters: {command: make test}}
            -        - id: lint
            -          action: shell
            -          parameters: {command: make lint}
                     - {id: docs, action: shell, parameters: {command: make docs}}
               - id: package
                 parallel:
                   steps:
                     - {id: tarball, action: shell, parameters: {command: make dist}}
            -        - id: sign
            -          action: shell
            -          parameters: {command: gpg --detach-sign dist/release.tar.gz}
             stats:
               execution_count: 3
               successes: 0
            @@ -34,8 +28,6 @@
                 build: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 900}
                 checks: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 1500, last_error: "step 'lint' failed: expected exit code 0, got 2"}
                 unit: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1200}
            -    lint: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 150, last_error: "expected exit code 0, got 2"}
                 docs: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1500}
                 package: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 1200, last_error: "step 'sign' failed: expected exit code 0, got 2"}
                 tarball: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 1200}
            -    sign: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 60, last_error: "expected exit code 0, got 2"}
            written: release-checks.yaml (version 3)

            """)
        WholeText.expect(try folder.read("release-checks.yaml"), equals: """
            # Builds, checks side by side, then packages.
            name: release_checks
            version: 3
            steps:
              - id: build
                action: shell
                parameters: {command: make build}
              - id: checks
                on_failure: continue
                parallel:
                  fail_fast: false
                  steps:
                    - {id: unit, action: shell, parameters: {command: make test}}
                    - {id: docs, action: shell, parameters: {command: make docs}}
              - id: package
                parallel:
                  steps:
                    - {id: tarball, action: shell, parameters: {command: make dist}}
            stats:
              execution_count: 3
              successes: 0
              failures: 3
              success_rate: 0.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                build: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                checks: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: <ms>, last_error: "step 'lint' failed: expected exit code 0, got 2"}
                unit: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                docs: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                package: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: <ms>, last_error: "step 'sign' failed: expected exit code 0, got 2"}
                tarball: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "release-checks.yaml", normalizing: [.durationFields, .timestamps, .runIDs])
        try ProcrunBinary.expect(["check", "release-checks.yaml"], in: folder.path, stdout: "ok: release-checks.yaml: 'release_checks', 6 steps\n")
    }

    @Test("a group whose only step is removed goes with it, and so do both their stats lines")
    func onlyMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.expect(
            "nightly.yaml", ["--write"], in: folder,
            prints: """
            remove: step 2 ('parallel#383d71de'): every step of the group is removed
            remove: step 3 ('mirror', in group 'parallel#383d71de'): 3 of 3 runs failed; last error: expected exit code 0, got 255
            --- a/nightly.yaml
            +++ b/nightly.yaml
            @@ -1,15 +1,10 @@
             # Fetches every remote and mirrors the repository.
             name: nightly
            +version: 2
             steps:
               - id: fetch
                 action: shell
                 parameters: {command: git fetch --all}
            -  - on_failure: continue
            -    parallel:
            -      steps:
            -        - id: mirror
            -          action: shell
            -          parameters: {command: rsync -a repo/ mirror.invalid:repo/}
               - action: log
                 parameters: {message: fetched}
             stats:
            @@ -22,6 +17,4 @@
               last_executed: "2026-12-01T02:00:00Z"  # run 66a27749
               steps:
                 fetch: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 750}
            -    parallel#383d71de: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 600, last_error: "step 'mirror' failed: expected exit code 0, got 255"}
            -    mirror: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 600, last_error: "expected exit code 0, got 255"}
                 log#c9cb4977: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 3}
            written: nightly.yaml (version 2)

            """)
        try ProcrunBinary.expect(["check", "nightly.yaml"], in: folder.path, stdout: "ok: nightly.yaml: 'nightly', 2 steps\n")
        #expect(try StatsDocument(path: folder.path + "/nightly.yaml").orphanKeys.isEmpty)
    }

    @Test("a failing finally step is reported, not removed; --remove-failing removes it; a slow one is flagged")
    func failingFinally() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = try folder.copy(ProcrunBinary.fixtures + "/optimize/integration-test.yaml")
        let before = try FileSystem.read(original)
        try Self.expect(
            "integration-test.yaml", ["--write"], in: folder,
            prints: """
            broken: step 3 ('stop', in finally): 4 of 4 runs failed, and each failure failed the run whatever the other steps did; last error: timed out after 30s; fix the cleanup (or pass --remove-failing to drop it)
            slow: step 3 ('stop', in finally): 30s on average, most of the procedure's time
            nothing to change

            """)
        #expect(try FileSystem.read(original) == before)
        try Self.expect(
            "integration-test.yaml", ["--remove-failing"], in: folder,
            prints: """
            remove: step 3 ('stop', in finally): 4 of 4 runs failed; last error: timed out after 30s
            slow: step 3 ('stop', in finally): 30s on average, most of the procedure's time
            --- a/integration-test.yaml
            +++ b/integration-test.yaml
            @@ -1,6 +1,6 @@
             # Runs the integration tests against a throwaway database.
             name: integration_test
            -version: 5
            +version: 6
             steps:
               - id: start
                 action: shell
            @@ -10,10 +10,6 @@
                 parameters: {command: make integration-test}
                 timeout: 5m
             finally:
            -  - id: stop
            -    action: shell
            -    parameters: {command: docker rm -f test-db}
            -    timeout: 30s
               - action: log
                 parameters: {message: "run {{ run.status }}"}
             stats:
            @@ -27,5 +23,4 @@
               steps:
                 start: {runs: 4, successes: 4, failures: 0, skips: 0, total_duration_ms: 8000}
                 test: {runs: 4, successes: 4, failures: 0, skips: 0, total_duration_ms: 72000}
            -    stop: {runs: 4, successes: 0, failures: 4, skips: 0, total_duration_ms: 120000, last_error: "timed out after 30s"}
                 log#af3b0adc: {runs: 4, successes: 4, failures: 0, skips: 0, total_duration_ms: 4}
            (not written; run with --write to apply)

            """)
    }

    @Test("when every finally step goes (here a group of them), the 'finally' key goes too, and the result checks")
    func everyFinallyStep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plan = try Self.optimize("preview.yaml", in: folder)
        plan.expect(stdout: """
            broken: step 4 ('teardown', in group 'parallel#b9a93524', in finally): 3 of 3 runs failed, and each failure failed the run whatever the other steps did; last error: expected exit code 0, got 2; fix the cleanup (or pass --remove-failing to drop it)
            broken: step 5 ('forget', in group 'parallel#b9a93524', in finally): 3 of 3 runs failed, and each failure failed the run whatever the other steps did; last error: expected exit code 0, got 1; fix the cleanup (or pass --remove-failing to drop it)
            nothing to change

            """)
        try Self.expect(
            "preview.yaml", ["--remove-failing", "--write"], in: folder,
            prints: """
            remove: step 3 ('parallel#b9a93524', in finally): every step of the group is removed
            remove: step 4 ('teardown', in group 'parallel#b9a93524', in finally): 3 of 3 runs failed; last error: expected exit code 0, got 2
            remove: step 5 ('forget', in group 'parallel#b9a93524', in finally): 3 of 3 runs failed; last error: expected exit code 0, got 1
            --- a/preview.yaml
            +++ b/preview.yaml
            @@ -1,5 +1,6 @@
             # Deploys to a preview environment, then tears it down.
             name: preview
            +version: 2
             steps:
               - id: deploy
                 action: shell
            @@ -7,12 +8,6 @@
               - action: log
                 parameters: {message: "preview is up"}
            \u{20}
            -finally:
            -  - on_failure: continue
            -    parallel:
            -      steps:
            -        - {id: teardown, action: shell, parameters: {command: make preview-down}}
            -        - {id: forget, action: shell, parameters: {command: make forget-dns}}
             stats:
               execution_count: 3
               successes: 0
            @@ -24,6 +19,3 @@
               steps:
                 deploy: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 9000}
                 log#53763fff: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: 3}
            -    parallel#b9a93524: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 9000, last_error: "step 'teardown' failed: expected exit code 0, got 2"}
            -    teardown: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 9000, last_error: "expected exit code 0, got 2"}
            -    forget: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: 600, last_error: "expected exit code 0, got 1"}
            written: preview.yaml (version 2)

            """)
        try ProcrunBinary.expect(["check", "preview.yaml"], in: folder.path, stdout: "ok: preview.yaml: 'preview', 2 steps\n")
    }

    @Test("a slow step of a group is flagged like a slow step, beside its group")
    func slowMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.expect(
            "test-matrix.yaml", in: folder,
            prints: """
            slow: step 2 ('matrix'): 1m34s on average, most of the procedure's time
            slow: step 5 ('integration', in group 'matrix'): 1m33s on average, most of the procedure's time
            nothing to change

            """)
    }

    @Test("a procedure with healthy groups and finally steps prints what optimize printed before it judged them")
    func unchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.expect(
            "deploy-site.yaml", in: folder,
            prints: """
            broken: step 1 ('test'): 2 of 3 runs failed, and each failure stopped the procedure; last error: expected exit code 0, got 2; check what it checks (or pass --remove-failing to drop it)
            slow: step 5 ('upload'): 2s on average, most of the procedure's time
            nothing to change

            """)
    }

    @Test("a flaky group gets no retries (a group takes none); its flaky step does, and an unnamed group's key follows what it holds")
    func flakyMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "mirror.yaml",
            """
            name: mirror
            steps:
              - on_failure: continue
                parallel:
                  steps:
                    - id: push
                      action: shell
                      parameters: {command: git push mirror}
                    - id: stale
                      action: fail
                      parameters: {message: gone}
            stats:
              execution_count: 5
              successes: 0
              failures: 5
              steps:
                parallel#00000000: {runs: 5, successes: 0, failures: 5, skips: 0, total_duration_ms: 50}
                push: {runs: 5, successes: 4, failures: 1, skips: 0, total_duration_ms: 50, last_error: "expected exit code 0, got 128"}
                stale: {runs: 5, successes: 0, failures: 5, skips: 0, total_duration_ms: 5, last_error: "gone"}

            """)
        let key = try StatsDocument(path: folder.path + "/mirror.yaml").stepKeys[0]
        try folder.write("mirror.yaml", try folder.read("mirror.yaml").replacingAll("parallel#00000000", with: key))
        try ProcrunBinary.expect(["optimize", "mirror.yaml", "--write"], in: folder.path, stdout: """
            flaky: step 2 ('push', in group 'parallel#6ce11eac'): 1 of 5 runs failed; last error: expected exit code 0, got 128; adding retries: {count: 2, delay: 1s, backoff: 2}
            remove: step 3 ('stale', in group 'parallel#6ce11eac'): 5 of 5 runs failed; last error: gone
            --- a/mirror.yaml
            +++ b/mirror.yaml
            @@ -1,4 +1,5 @@
             name: mirror
            +version: 2
             steps:
               - on_failure: continue
                 parallel:
            @@ -6,14 +7,14 @@
                     - id: push
                       action: shell
                       parameters: {command: git push mirror}
            -        - id: stale
            -          action: fail
            -          parameters: {message: gone}
            +          retries: {count: 2, delay: 1s, backoff: 2}
             stats:
               execution_count: 5
               successes: 0
               failures: 5
            +  success_rate: 0.000
            +  total_duration_ms: <ms>
            +  avg_duration_ms: <ms>
               steps:
            -    parallel#6ce11eac: {runs: 5, successes: 0, failures: 5, skips: 0, total_duration_ms: <ms>}
            +    parallel#5096f964: {runs: 5, successes: 0, failures: 5, skips: 0, total_duration_ms: <ms>}
                 push: {runs: 5, successes: 4, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "expected exit code 0, got 128"}
            -    stale: {runs: 5, successes: 0, failures: 5, skips: 0, total_duration_ms: <ms>, last_error: "gone"}
            written: mirror.yaml (version 2)

            """, normalizing: [.durationFields])
        let written = try StatsDocument(path: folder.path + "/mirror.yaml")
        #expect(written.root["steps"]?.items?[0]["retries"] == nil)
        #expect(written.root["steps"]?.items?[0]["parallel"]?["steps"]?.items?.count == 1)
        #expect(written.stats[step: written.stepKeys[0]]?.runs == 5, "the group's figures follow its new key")
        #expect(written.orphanKeys.isEmpty)
        try ProcrunBinary.expect(["check", "mirror.yaml"], in: folder.path, stdout: "ok: mirror.yaml: 'mirror', 2 steps\n")
    }
}
