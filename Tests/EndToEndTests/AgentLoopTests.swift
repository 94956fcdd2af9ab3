import ProcrunKit
import Testing

/// The article's loop, as an agent drives it over MCP with the official Python client
/// (Fixtures/mcp/agent_loop.py): find (nothing fits) → do the task and record it → find it → replay
/// it with new inputs → two runs learned → a variant that keeps failing → optimize's fix.
@Suite("the agent loop over MCP", .serialized)
struct AgentLoopTests {
    @Test("find, record, find again, replay with new inputs, learn, and optimize a failing variant: every reply whole")
    func loop() throws {
        #expect(try MCPServerTests.ensurePythonClient(), "python3 -m pip install mcp failed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A fresh library (no procedure yet) in a small Python project: 5 lines in src/, 2 in tests/.
        try folder.write("src/app.py", "import util\n\nprint(util.answer())\n")
        try folder.write("src/util.py", "def answer():\n    return 42\n")
        try folder.write("tests/test_app.py", "def test_answer():\n    assert True\n")
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/agent_loop.py", ProcrunBinary.path, folder.path], timeout: .seconds(120))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "agent stderr:\n\(result.stderr.text)")
        let out = try #require(AgentFixture.object(result.stdout.text), "agent printed:\n\(result.stdout.text)")
        WholeText.expect(
            Self.transcript(out), equalsContentsOf: AgentFixture.mcp + "/agent_loop.transcript",
            normalizing: [.durationFields, .temporaryFolders, .timestamps, .runIDs])
    }

    /// What the agent saw and left, in the order it happened: each reply (`## label`, `error
    /// KIND` when it is one, its text), the task's answer done by hand, optimize's proposal, and
    /// the two procedure files at the end.
    static func transcript(_ out: [String: Value]) -> String {
        var text = ""
        if case .mapping(let replies)? = out["replies"] {
            for label in [
                "find_nothing", "record", "find_again", "replay", "stats", "variant_1", "variant_2", "variant_3", "variant_fixed",
            ] {
                guard case .mapping(let reply)? = replies[label], case .string(let body)? = reply["text"] else {
                    text += "## \(label): no reply\n\n"
                    continue
                }
                var kind = ""
                if reply["is_error"] == .boolean(true) {
                    kind = " (error"
                    if case .mapping(let structured)? = reply["structured"], case .string(let name)? = structured["kind"] { kind += " " + name }
                    kind += ")"
                }
                text += "## \(label)\(kind)\n\(body)\n\n"
                if label == "find_nothing", case .string(let answer)? = out["done_by_hand"] { text += "## done by hand\n\(answer)\n\n" }
            }
        }
        for key in ["optimize", "optimize_write"] {
            if case .string(let body)? = out[key] { text += "## \(key)\n\(body)\n\n" }
        }
        if case .mapping(let files)? = out["files"] {
            for name in files.keys.sorted() {
                if case .string(let body)? = files[name] { text += "## \(name)\n\(body)\n" }
            }
        }
        return text
    }
}
