import ProcrunKit
import Testing

extension LanguageFeatureTests {
    @Test("a matrix runs a step per entry: two axes in order, an exclude, an include merged and one added, mapping items, an axis from an expression")
    func matrixEntries() throws {
        try run("matrix.yaml", status: 1, stdout: """
            ▶ matrix_axes (matrix.yaml, 4 steps)
              1/4 ✓ shell  test     <duration> (4 entries)
                  ✓ test (os=linux, py=3.10)  <duration>
                  ✓ test (os=linux, py=3.12, experimental=yes)  <duration>
                  ✓ test (os=mac, py=3.12)  <duration>
                  ✓ test (os=windows, py=3.12)  <duration>
              2/4 ✓ shell  servers  <duration> (4 entries)
                  ✓ servers (server=api, mode=fast)  <duration>
                  ✓ servers (server=api, mode=slow)  <duration>
                  ✓ servers (server=web, mode=fast)  <duration>
                  ✓ servers (server=web, mode=slow)  <duration>
              3/4 ✗ shell  check    <duration> (2 entries, 1 failed)
                  ✓ check (n=1)  <duration>
                  ✗ check (n=2; touch canary)  <duration>
                  error: entry 2 of 2 (n=2; touch canary): expected exit code 0, got 1
              4/4 ✓ log    #4       <duration>
                  4 windows 3.12 -; api:8080 fast
                  api:8080 slow
                  web:8081 fast
                  web:8081 slow
            ✗ matrix_axes failed in <duration>: 3 succeeded, 1 failed; first failure: step 3 (check)

            """) { _, folder in
            // An entry's value is data in a command, never shell code.
            #expect(!folder.exists("canary"))
            // The stats count a matrix step once, as a loop.
            let stats = try folder.statsBlock("matrix.yaml")
            #expect(stats.contains("    test: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: "))
            #expect(stats.contains(#"last_error: "entry 2 of 2 (n=2; touch canary): expected exit code 0, got 1"}"#))
        }
    }

    @Test("the JSON report gives each entry's values as 'matrix' in its result")
    func matrixInJSON() throws {
        try runVarying("matrix.yaml", ["--json"]) { output, _ in
            #expect(output.status == 1)
            #expect(output.stdout.contains(
                #""results":[{"step":1,"id":"test","action":"shell","status":"success","outcome":"1 linux 3.10 -","#))
            for values in [
                #""matrix":{"experimental":null,"os":"linux","py":"3.10"}"#, #""matrix":{"experimental":"yes","os":"linux","py":"3.12"}"#,
                #""matrix":{"experimental":null,"os":"windows","py":"3.12"}"#, #""matrix":{"mode":"slow","server":{"name":"web","port":"8081"}}"#,
                #""error":"entry 2 of 2 (n=2; touch canary): expected exit code 0, got 1","attempts":1,"results""#,
            ] {
                #expect(output.stdout.contains(values), "\(values)")
            }
        }
    }

    @Test("a matrix's entries side by side: each meets the other, fail_fast false runs all, max 1 stops at the first failure")
    func matrixSideBySide() throws {
        try run("matrix-parallel.yaml", status: 1, stdout: """
            ▶ matrix_side_by_side (matrix-parallel.yaml, 3 steps)
              1/3 ✓ shell  meet  <duration> (2 entries)
                  ✓ meet (peer=a)  <duration>
                  ✓ meet (peer=b)  <duration>
              2/3 ✗ shell  gate  <duration> (3 entries, 1 failed)
                  ✓ gate (n=1)  <duration>
                  ✗ gate (n=2)  <duration>
                  ✓ gate (n=3)  <duration>
                  error: entry 2 of 3 (n=2): expected exit code 0, got 1
              3/3 ✗ shell  stop  <duration> (3 entries, 1 failed)
                  ✗ stop (n=2)  <duration>
                  - stop (n=1)  skipped
                    not started: another entry of its matrix failed (fail_fast)
                  - stop (n=3)  skipped
                    not started: another entry of its matrix failed (fail_fast)
                  error: entry 1 of 3 (n=2): expected exit code 0, got 1
            ✗ matrix_side_by_side failed in <duration>: 1 succeeded, 2 failed; first failure: step 2 (gate)

            """)
    }

    @Test("isolate: each entry runs in its own copy of the folder, side by side or not; the same file name never clobbers, the folder is untouched, the copies are removed")
    func matrixIsolated() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try run("matrix-isolate.yaml", environment: [("TMPDIR", temporary.path)], stdout: """
            ▶ matrix_isolated (matrix-isolate.yaml, 5 steps)
              1/5 ✓ shell  #1    <duration>
              2/5 ✓ shell  each  <duration> (3 entries)
                  ✓ each (n=1)  <duration>
                  ✓ each (n=2)  <duration>
                  ✓ each (n=3)  <duration>
              3/5 ✓ shell  one   <duration> (1 entry)
                  ✓ one (n=a)  <duration>
              4/5 ✓ shell  #4    <duration>
              5/5 ✓ log    #5    <duration>
                  original 1 original 2 original 3
            ✓ matrix_isolated succeeded in <duration>: 5 succeeded

            """) { _, folder in
            #expect((try? folder.read("shared.txt")) == "original\n")
            #expect((try? FileSystem.contents(of: temporary.path)) == [])
        }
    }

    @Test("a secret value in an entry is shown as *** in its line, its error and the JSON report")
    func matrixSecret() throws {
        try run("matrix-secret.yaml", status: 1, stdout: """
            ▶ matrix_secret (matrix-secret.yaml, 1 step)
              1/1 ✗ shell  use  <duration> (2 entries, 1 failed)
                  ✗ use (key=***)  <duration>
                  ✓ use (key=plain)  <duration>
                  error: entry 1 of 2 (key=***): expected exit code 0, got 1
            ✗ matrix_secret failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (use)

            """)
        try runVarying("matrix-secret.yaml", ["--json"]) { output, _ in
            #expect(output.stdout.contains(#""matrix":{"key":"***"}"#))
            #expect(!output.stdout.contains("hunter22"))
        }
    }

    @Test("matrix mistakes are found before the run: no axis, an empty axis, an exclude key that is no axis, for_each or as beside it, an axis that is no list, an unknown axis read, isolate or matrix outside a matrix")
    func matrixChecks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/matrix-broken.yaml")
        try ProcrunBinary.expect(["check", "matrix-broken.yaml"], in: folder.path, status: 2, stderr: """
            matrix-broken.yaml:4:13: error: 'matrix' has no axis; give at least one, such as 'os: [linux, macos]'
                matrix: {}
                        ^
            matrix-broken.yaml:8:11: error: matrix axis 'os' is an empty list; an axis needs at least one value
                  os: []
                      ^
            matrix-broken.yaml:10:12: error: 'exclude' names 'oss', which is not an axis of the matrix (os); did you mean 'os'?
                    - {oss: linux}
                       ^
            matrix-broken.yaml:14:5: error: a step has 'matrix' or 'for_each', not both; write the list as an axis of the matrix
                for_each: [a]
                ^
            matrix-broken.yaml:15:5: error: 'as' does not apply to a matrix: its entry is read as 'matrix'
                as: x
                ^
            matrix-broken.yaml:20:12: error: matrix axis 'py' must give a list, but this is a string
                  py: "{{ 'text' }}"
                       ^
            matrix-broken.yaml:21:36: error: undefined name 'matrix.pyy'; did you mean 'matrix.py'?
                parameters: {command: "echo {{ matrix.pyy }}"}
                                               ^
            matrix-broken.yaml:23:5: error: 'isolate' gives each entry of a matrix its own folder, but the step has no 'matrix'
                isolate: true
                ^
            matrix-broken.yaml:24:31: error: undefined name 'matrix'; 'matrix' is readable only in a step with 'matrix'
                parameters: {message: "{{ matrix.os }}"}
                                          ^
            9 problems found in 1 file

            """)
    }
}
