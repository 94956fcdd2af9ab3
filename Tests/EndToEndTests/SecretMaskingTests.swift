import Foundation
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
        for flags in [[], ["--quiet"], ["--verbose"], ["--json"], ["--junit", "report.xml"]] {
            let output = try ProcrunBinary.run(["run", "multiline.yaml", "--no-learn"] + flags, in: folder.path)
            #expect(output.status == 1, "with \(flags)")
            let shown = output.stdout + output.stderr + ((try? folder.read("report.xml")) ?? "")
            #expect(!shown.contains("AAAA") && !shown.contains("BBBB"), "with \(flags) shown:\n\(shown)")
            #expect(shown.contains("expected the outcome to contain 'Successfully'"), "with \(flags) shown:\n\(shown)")
        }
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
        let output = try ProcrunBinary.run(["run", "short.yaml", "--no-learn", "--json", "--set", "pin=1"], in: folder.path)
        #expect(output.status == 0, "stdout was:\n\(output.stdout)\nstderr was:\n\(output.stderr)")
        let report = AgentFixture.object(output.stdout)
        let outcomes = AgentFixture.steps(report).map { $0["outcome"] }
        #expect(outcomes == [.string("*** 2*** ***00"), .string("same"), .string("8")])
        #expect(output.stdout.contains(#""outputs":{"counted":"*** 2*** ***00"}"#), "stdout was:\n\(output.stdout)")
    }
}
