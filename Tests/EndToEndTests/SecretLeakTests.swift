import ProcrunKit
import Testing

/// Secrets a step prints never reach the procedure file, and are hidden wherever output is shown.
@Suite("secrets in step output", .serialized)
struct SecretLeakTests {
    static let secrets = ["zzz9999secret", "zzz99", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "AKIAIOSFODNN7EXAMPLE", "hunter2"]

    /// The secrets among them that `text` holds.
    func leaked(in text: String) -> [String] {
        Self.secrets.filter { text.contains($0) }
    }

    @Test("the stats block keeps procrun's own words only; the terminal hides the secrets")
    func terminalAndFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/leaky.yaml")
        let output = try ProcrunBinary.run(["run", "leaky.yaml", "--set", "token=zzz9999secret"], in: folder.path)
        #expect(output.status == 1)
        let file = try folder.read("leaky.yaml")
        #expect(leaked(in: file).isEmpty, "the file holds \(leaked(in: file)):\n\(file)")
        #expect(file.contains(", last_error: \"expected exit code 0, got 3\"}\n"), "file was:\n\(file)")
        #expect(file.contains(", last_error: \"expected the outcome to contain 'Successfully'\"}\n"), "file was:\n\(file)")
        #expect(leaked(in: output.stdout + output.stderr).isEmpty, "shown: \(leaked(in: output.stdout))\n\(output.stdout)")
        #expect(output.stdout.contains("      error: expected exit code 0, got 3: ***\n"), "stdout was:\n\(output.stdout)")
        #expect(output.stdout.contains("      │ bad token ***\n"), "stdout was:\n\(output.stdout)")
        #expect(output.stdout.contains("      error: expected the outcome to contain 'Successfully'; it was '*** password=***'\n"))
    }

    @Test("the JSON report and --verbose streaming hide them too, even split between two reads")
    func reportAndStreaming() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/leaky.yaml")
        let json = try ProcrunBinary.run(["run", "leaky.yaml", "--json", "--no-learn", "--set", "token=zzz9999secret"], in: folder.path)
        #expect(json.status == 1)
        #expect(!json.stdout.contains("zzz9999secret"), "the report holds the secret input:\n\(json.stdout)")
        let steps = AgentFixture.steps(AgentFixture.object(json.stdout))
        #expect(steps.first?["error"] == .string("expected exit code 0, got 3: ***"))
        #expect(steps.dropFirst().first?["error"] == .string("expected the outcome to contain 'Successfully'; it was '*** password=***'"))
        let verbose = try ProcrunBinary.run(["run", "leaky.yaml", "--verbose", "--no-learn", "--set", "token=zzz9999secret"], in: folder.path)
        // Streaming masks the secret inputs, as CI logs do; the error lines hide credential shapes too.
        #expect(!verbose.stdout.contains("zzz99"), "streaming showed the secret input:\n\(verbose.stdout)")
        #expect(verbose.stdout.contains("bad token ***\n"))
        #expect(verbose.stdout.contains("\n***\n"), "stdout was:\n\(verbose.stdout)")
    }
}
