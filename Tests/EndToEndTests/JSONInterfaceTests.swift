import ProcrunKit
import Testing

/// `list --json` and `show --json`, part of the interface grammar.md documents for agents.
@Suite("json interfaces")
struct JSONInterfaceTests {
    static let library = AgentFixture.mcp + "/library"

    @Test("list --json gives every procedure's name, aliases, description, tags and file")
    func list() throws {
        try ProcrunBinary.expect(["list", "--json"], in: Self.library, stdout: """
            {"procedures":[{"aliases":[],"description":"a procedure whose only step fails","file":"broken_step.yaml",\
            "name":"broken_step","tags":[]},{"aliases":[],"description":"greets someone by name","file":"greet.yaml","name":"greet",\
            "tags":["hello","welcome"]}]}

            """)
    }

    /// What `show --json` prints for greet.yaml before any run, its file named `file` (what the MCP
    /// tool show_procedure answers too: MCPServerTests).
    static func shownGreet(file: String) -> String {
        """
            {"name":"greet","file":"\(file)","aliases":[],"description":"greets someone by name","tags":["hello","welcome"],"version":1,\
            "internal":false,"superseded_by":null,"superseded_reason":"","inputs":[{"name":"who","type":"string","required":true,"default":null,\
            "allowed":null,"pattern":null,"description":"who to greet","secret":false,"rest":false},{"name":"times","type":"integer",\
            "required":false,"default":1,"allowed":null,"pattern":null,"description":"","secret":false,"rest":false}],\
            "outputs":[{"name":"greeting","value":"{{ steps.say.stdout }}"}],"env":[],"dotenv":[],"cwd":null,"shell":null,"vars":[],"needs":[],"precondition":[],"up_to_date":null,"steps":[{"step":1,\
            "id":"say","name":"say","key":"say","action":"shell","parameters":{"command":"echo hello, {{ inputs.who }}"},\
            "command":"$ echo hello, {{ inputs.who }}","calls":null,"when":null,"for_each":null,"as":null,"matrix":null,"parallel":null,\
            "group":null,"expect":{"exit_code":null,"status":null,"contains":[],"not_contains":[],"matches":null,"equals":null,\
            "stderr_contains":[]},"timeout_ms":null,"retries":{"count":0,"delay_ms":1000,"backoff":1.0},"on_failure":"abort",\
            "outputs":[],"notes":"","keep_running":false,"needs":[],"precondition":[],"up_to_date":null,"finally":false}],"stats":{"execution_count":0,"successes":0,\
            "failures":0,"success_rate":0.000,"total_duration_ms":0,"avg_duration_ms":0,"last_executed":null,"steps":[]},\
            "call_tree":[],"warnings":[]}
            """
    }

    @Test("show --json gives the procedure as the loader read it, its record and its call tree")
    func show() throws {
        let output = try ProcrunBinary.expect(["show", "greet", "--json"], in: Self.library, stdout: Self.shownGreet(file: "greet.yaml") + "\n")
        let shown = AgentFixture.object(output.stdout)
        guard case .list(let inputs)? = shown?["inputs"] else {
            Issue.record("no inputs")
            return
        }
        #expect(inputs.first == .mapping([
            "name": .string("who"), "type": .string("string"), "required": .boolean(true), "default": .null, "allowed": .null, "pattern": .null,
            "description": .string("who to greet"), "secret": .boolean(false), "rest": .boolean(false),
        ]))
    }
}
