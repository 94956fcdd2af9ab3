import ProcrunKit
import Testing

/// Masking hides what is shown or kept, line by line for a secret that spans lines, and never
/// changes the data later steps read.
@Suite("secret masking: shown, never the data", .serialized)
struct SecretMaskingTests {
    /// A secret `.env` value of two lines; the step prints it and fails an expectation, whose error
    /// quotes the output's last line alone.
    static let multiLine = """
        name: multiline
        dotenv: [{path: keys.env, secret: true}]
        steps:
          - id: prints_key
            action: shell
            parameters: {command: 'printf "%s\\n" "$KEY"'}
            expect: {contains: Successfully}

        """

    @Test("a secret of two lines is hidden where an error quotes only its last line: terminal, --quiet, --verbose, --json, JUnit")
    func multiLineSecret() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("multiline.yaml", Self.multiLine)
        _ = try folder.write("keys.env", "KEY=\"first-line-AAAA\\nsecond-line-BBBB\"\n")
        let run = ["run", "multiline.yaml", "--no-learn"]
        try ProcrunBinary.expect(run, in: folder.path, status: 1, stdout: """
            ▶ multiline (multiline.yaml, 1 step)
              1/1 ✗ shell  prints_key  <duration>
                  error: expected the outcome to contain 'Successfully'; it was '***\\n***'
                  │ ***
            ✗ multiline failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (prints_key)

            """, normalizing: [.durations])
        try ProcrunBinary.expect(run + ["--quiet"], in: folder.path, status: 1, stderr: """
            multiline.yaml: step 1 (prints_key) failed: expected the outcome to contain 'Successfully'; it was '***\\n***'

            """)
        try ProcrunBinary.expect(run + ["--verbose"], in: folder.path, status: 1, stdout: """
            ▶ multiline (multiline.yaml, 1 step)
              1/1 … shell  prints_key
            ***
              1/1 ✗ shell  prints_key  <duration>
                  error: expected the outcome to contain 'Successfully'; it was '***\\n***'
            ✗ multiline failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (prints_key)

            """, normalizing: [.durations])
        try ProcrunBinary.expect(run + ["--json"], in: folder.path, status: 1, stdout: """
            {"procedure":"multiline","file":"multiline.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"prints_key","action":"shell","status":"failed","outcome":"***","duration_ms":<ms>,"exit_code":0,\
            "error":"expected the outcome to contain 'Successfully'; it was '***\\\\n***'","attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(run + ["--junit", "report.xml"], in: folder.path, status: 1, stdout: """
            ▶ multiline (multiline.yaml, 1 step)
              1/1 ✗ shell  prints_key  <duration>
                  error: expected the outcome to contain 'Successfully'; it was '***\\n***'
                  │ ***
            ✗ multiline failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (prints_key)

            """, normalizing: [.durations])
        let report = try folder.read("report.xml")
        #expect(!report.contains("AAAA") && !report.contains("BBBB"), "the JUnit report:\n\(report)")
        #expect(report.contains("expected the outcome to contain 'Successfully'"), "the JUnit report:\n\(report)")
    }

    /// A secret as short as `1`: masking it in what people see would change every `1` in the data.
    static let shortSecret = """
        name: short
        inputs:
          pin: {type: string, secret: true, required: true}
        steps:
          - id: counts
            action: shell
            parameters: {command: echo 1 21 100}
          - id: compares
            action: shell
            parameters: {command: 'test "{{ steps.counts.outcome }}" = "1 21 100" && echo same'}
          - id: passes_on
            action: shell
            parameters: {command: 'printf "%s" "$C" | wc -c', env: {C: "{{ steps.counts.outcome }}"}}
        outputs:
          counted: "{{ steps.counts.outcome }}"

        """

    @Test("a later step reads a step's outcome as it came, whatever the secrets; the report masks it")
    func dataUnmasked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("short.yaml", Self.shortSecret)
        try ProcrunBinary.expect(["run", "short.yaml", "--no-learn", "--json", "--set", "pin=1"], in: folder.path, stdout: """
            {"procedure":"short","file":"short.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"counts","action":"shell","status":"success","outcome":"*** 2*** ***00","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"compares","action":"shell","status":"success","outcome":"same",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":3,"id":"passes_on","action":"shell",\
            "status":"success","outcome":"8","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],\
            "outputs":{"counted":"*** 2*** ***00"}}

            """, normalizing: [.durationFields])
    }
}
